/** Another screen (the workshop) can ask the walkthroughs screen to open one walkthrough next time it shows. */
let requested: string | null = null;

export function requestWalkthrough(id: string): void {
  requested = id;
}

export function takeRequestedWalkthrough(): string | null {
  const r = requested;
  requested = null;
  return r;
}
