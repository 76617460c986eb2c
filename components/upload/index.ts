export { UploadButton } from "./upload-button";
export { UploadDropOverlay } from "./upload-drop-overlay";
export { UploadList } from "./upload-list";
export { UploadProvider, useUploads } from "./upload-provider";
export type { UploadStrings } from "./upload-strings";
