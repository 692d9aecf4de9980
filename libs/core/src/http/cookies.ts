/**
 * The value of cookie `name` in a Cookie header, or undefined when it is
 * absent or not valid percent-encoding. Client-controlled text: never throws.
 */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return safeDecodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

function safeDecodeURIComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // URIError: a malformed escape such as %E0%A4%A
  }
}
