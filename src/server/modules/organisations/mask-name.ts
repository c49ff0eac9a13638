/** 李志愿 → 李**, Alice Wang → A*** (a name shown to someone who has not been accepted by its owner). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
