// The labeling page's look, beside the console's styles (a package brings no stylesheet file).
export const LABELING_STYLE = `
.labeling .frame-stage { position: relative; width: 100%; max-height: 540px; display: flex; justify-content: center; background: #141a26; border-radius: 6px; overflow: hidden; }
.labeling .frame-stage img { display: block; user-select: none; pointer-events: none; }
.labeling .frame-inner { position: relative; line-height: 0; }
.labeling .frame-boxes { position: absolute; inset: 0; width: 100%; height: 100%; cursor: crosshair; touch-action: none; }
.labeling .frame-boxes g.box .body { cursor: move; }
.labeling .frame-boxes .handle { cursor: nwse-resize; }
.labeling .frame-boxes .handle[data-handle=ne], .labeling .frame-boxes .handle[data-handle=sw] { cursor: nesw-resize; }
.labeling .frame-nav { display: flex; align-items: center; justify-content: space-between; gap: 10px; margin-bottom: 10px; }
.labeling .frame-title { font-weight: 600; }
.labeling .frame-strip { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 10px; }
.labeling .frame-strip .chip { background: #eceef1; }
.labeling .frame-strip .chip.done { background: #e3f5ea; color: #1f8a4c; }
.labeling .frame-strip .chip.current { outline: 2px solid #2f6fde; }
.labeling-side .brands { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; }
.labeling-side .brand-choice { justify-content: flex-start; border-left: 5px solid var(--brand); }
.labeling-side .brand-choice.current { background: #e6efff; border-color: var(--brand); font-weight: 700; }
.labeling-side .add-brand { display: flex; gap: 6px; margin-bottom: 14px; }
.labeling-side .add-brand input { flex: 1; min-width: 0; padding: 4px 8px; border: 1px solid #e3e6eb; border-radius: 6px; font: inherit; }
.labeling-side .box-list { padding-left: 20px; margin: 0 0 10px; }
.labeling-side .box-list li { padding: 3px 0; cursor: pointer; }
.labeling-side .box-list li.selected { font-weight: 700; }
.labeling-side kbd, .shortcuts kbd { font: 11px ui-monospace, monospace; border: 1px solid #c6ccd6; border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
.done-box { background: #e3f5ea; border: 1px solid #b7e2c6; color: #14532d; border-radius: 6px; padding: 10px 12px; margin: 8px 0 12px; }
.save-status[data-state=saved] { color: #1f8a4c; }
`;

