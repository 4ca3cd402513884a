// The attachment parts other pages place: the list of a case's files and the uploader for adding more.

export { AttachmentList } from './AttachmentList.tsx';
export { AttachmentUploader } from './AttachmentUploader.tsx';
export { type Attachment, attachmentUrl, uploadAttachment } from './api.ts';
export { FilePicker } from './FilePicker.tsx';
export { UploadStatus } from './UploadStatus.tsx';
export { type Uploads, useUploads } from './useUploads.ts';
