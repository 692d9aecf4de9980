export * from './participants.module';
export * from './participant.model';
export * from './pesel';
export * from './participants.service';
export { selectedCategories } from './categories';
