/**
 * Layout measurements run inside the page (passed to `page.evaluate`), with `getBoundingClientRect` and text ranges:
 * what sticks out of the viewport, what text is wider than its table cell, which words break across lines.
 * Each function is self-contained, as Playwright serialises it into the page.
 */

/** Elements wider than the viewport or beyond its edges, unless a scrolling or clipping ancestor contains them. */
export function viewportOverflow(): string[] {
  const width = document.documentElement.clientWidth;
  const clipped = (el: Element): boolean => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.clipPath !== 'none') return true;
    }
    return false;
  };
  const faults: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || clipped(el)) continue;
    if (r.left < -0.5 || r.right > width + 0.5)
      faults.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)} > ${width}`);
  }
  if (document.documentElement.scrollWidth > width)
    faults.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  return faults;
}

/** Table cells holding a line of text that reaches beyond the cell's edges. */
export function cellOverflow(): string[] {
  const faults: string[] = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width > 0 && (line.left < box.left - 0.5 || line.right > box.right + 0.5))
          faults.push(
            `"${node.textContent.trim().slice(0, 40)}" ${Math.round(line.left)}–${Math.round(line.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`,
          );
      }
    }
  }
  return faults;
}

/**
 * Words of table cells that the browser split across two lines. A word is what lies between spaces and hyphens, so a
 * break at a hyphen or soft hyphen (which the browser shows as a hyphen) is fine; `hyphenates` says the browser hyphenates Danish itself (then it adds the hyphen).
 */
export function brokenWords(hyphenates: boolean): string[] {
  if (hyphenates) return [];
  const faults: string[] = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/[^\s\-‐–—/\u00AD]+/g)) {
        // Line of each letter: the last box of its one-letter range (Chromium adds the drawn hyphen of a soft hyphen
        // broken just before it to the letter's range, on the line above).
        const tops = new Set<number>();
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
          if (boxes.length) tops.add(Math.round(boxes[boxes.length - 1]!.top));
        }
        if (tops.size > 1) faults.push(`"${m[0]}" split over ${tops.size} lines`);
      }
    }
  }
  return faults;
}

/** Whether this browser hyphenates Danish with `hyphens: auto` (Chromium on Linux usually has no dictionary). */
export function hyphenatesDanish(): boolean {
  const probe = document.createElement('p');
  probe.lang = 'da';
  probe.textContent = 'informationssikkerhedskoordinatoren';
  Object.assign(probe.style, { width: '6em', hyphens: 'auto', overflowWrap: 'normal', position: 'absolute', visibility: 'hidden' });
  document.body.append(probe);
  const lines = probe.getBoundingClientRect().height / parseFloat(getComputedStyle(probe).lineHeight || '20');
  probe.remove();
  return lines > 1.5;
}
