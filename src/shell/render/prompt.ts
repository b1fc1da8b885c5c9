/**
 * configshell's prompt path: longer than `promptLength` becomes the first and last
 * (promptLength - 3) / 2 characters around `...`; 0 means never shorten. Below 5 there is
 * no room for both ends, and configshell's output was nonsense there, so the path is kept.
 */
export function shortenPromptPath(path: string, promptLength: number): string {
  if (promptLength <= 0 || path.length <= promptLength) return path;
  const half = Math.floor((promptLength - 3) / 2);
  if (half < 1) return path;
  return `${path.slice(0, half)}...${path.slice(-half)}`;
}

export function formatPrompt(path: string, promptLength: number): string {
  return `${shortenPromptPath(path, promptLength)}> `;
}
