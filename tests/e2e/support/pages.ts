/** The page objects, one import for the tests. */
export { HomePage } from './home-page';
export { BoardPage } from './board-page';
export type {
  BannerReason,
  CreateSessionOptions,
  DOMMatrixLike,
  ReadOnlyReason,
  ShareRole,
  WorldTransform,
} from './selectors';
