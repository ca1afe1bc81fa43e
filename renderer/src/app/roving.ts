import type { KeyboardEvent } from 'react';

/** Arrow/Home/End keys move focus between siblings matching `selector` inside the current target. */
export function rovingKeys(event: KeyboardEvent<HTMLElement>, selector: string, vertical = false): void {
  const keys = vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  if (![...keys, 'Home', 'End'].includes(event.key)) return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(selector)).filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );
  if (!items.length) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  let next = index;
  if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = items.length - 1;
  else if (event.key === keys[0]) next = index <= 0 ? items.length - 1 : index - 1;
  else next = index < 0 || index === items.length - 1 ? 0 : index + 1;
  event.preventDefault();
  items[next]?.focus();
}
