/** A file made in the page, offered to the person as a download under its own name. */
export function downloadFile(file: { name: string; mediaType: string; bytes: Uint8Array }): void {
  // A copy in an ArrayBuffer of its own: a Blob takes no view of a shared buffer.
  const blob = new Blob([file.bytes.slice().buffer as ArrayBuffer], { type: file.mediaType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the address is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
