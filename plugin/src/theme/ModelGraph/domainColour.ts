/**
 * Colours of the domains in the pictures, by the domain's index. Each has a relative luminance between 0.13
 * and 0.30, so it stands out at 3:1 or more (WCAG 1.4.11) against both the light and the dark background.
 */
const COLOURS = ['#3a7bd5', '#d46a00', '#1f9a5a', '#b55fc0', '#a88400', '#16899a', '#d9434f', '#808080'] as const;

export function domainColour(index: number): string {
  return COLOURS[index % COLOURS.length]!;
}
