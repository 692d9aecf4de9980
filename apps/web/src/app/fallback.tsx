import { Center, Loader } from '@mantine/core';

/** Shown while a screen's code or first data loads. */
export function PageFallback() {
  return (
    <Center h={200}>
      <Loader aria-label="…" />
    </Center>
  );
}
