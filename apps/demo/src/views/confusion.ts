/** The confusion matrix of the last evaluation as a table: rows are true digits, columns predictions. */
export function renderConfusion(el: HTMLElement, confusion: Int32Array | undefined, classes: number): void {
  const table = document.createElement('table');
  table.className = 'confusion';
  const head = table.createTHead().insertRow();
  head.insertCell().textContent = 'true ↓ / predicted →';
  for (let c = 0; c < classes; c++) head.insertCell().textContent = String(c);
  const body = table.createTBody();
  for (let r = 0; r < classes; r++) {
    const row = body.insertRow();
    const label = row.insertCell();
    label.textContent = String(r);
    label.className = 'label';
    let total = 0;
    for (let c = 0; c < classes; c++) total += confusion?.[r * classes + c] ?? 0;
    for (let c = 0; c < classes; c++) {
      const n = confusion?.[r * classes + c] ?? 0;
      const cell = row.insertCell();
      cell.textContent = confusion ? String(n) : '';
      const share = total ? n / total : 0;
      const hue = r === c ? '34, 139, 34' : '224, 49, 49';
      cell.style.background = `rgba(${hue}, ${Math.min(1, share * (r === c ? 1 : 4)).toFixed(3)})`;
      if (share > 0.55) cell.style.color = 'white';
    }
  }
  el.replaceChildren(table);
}
