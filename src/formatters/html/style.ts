/**
 * The report's one stylesheet. Colours: Paul Tol's high-contrast scheme (safe for the common
 * colour-vision deficiencies and in greyscale), and every severity has a second cue that needs no
 * colour: a solid (error), wavy (warning) or dotted (info) underline, and ✖ ▲ ● in lists.
 */
export const CSS = `
:root{--error:#994455;--error-bg:#f2dde1;--error-bg2:#e6b9c1;--warning:#997700;--warning-bg:#f8ebc6;--warning-bg2:#efd68f;--info:#004488;--info-bg:#dbe6f1;--info-bg2:#b5cce3;--ok:#117733;--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--paper:#fff;--page:#f4f4f1}
*{box-sizing:border-box}
html{background:var(--page);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
body{margin:0}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,mark:focus-visible,.ev:focus-visible{outline:3px solid #000;outline-offset:2px}
.top{background:#fff;border-bottom:1px solid var(--line);padding:1rem 1.5rem}
.top h1{margin:0 0 .25rem;font-size:1.5rem}
.top p{margin:.25rem 0;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:.5rem 0 0;padding:0;list-style:none;font-size:.9rem}
main{max-width:80rem;margin:0 auto;padding:1rem 1.5rem 3rem}
section.index,article.doc{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:1rem 1.5rem;margin:0 0 2rem}
h2{font-size:1.3rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
.meta{color:var(--muted);margin:0 0 1rem;font-size:.95rem}
.counts{display:inline-flex;gap:.75rem;margin-left:.5rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 20rem;gap:2rem;align-items:start}
.letter{font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;line-height:1.65;max-width:44rem}
.letter p,.letter h3,.letter li,.letter .cell{white-space:pre-wrap;overflow-wrap:anywhere}
.letter h3{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.05rem;margin:1rem 0 .35rem}
.letter p{margin:0 0 .8rem}
.letter ul{margin:0 0 .8rem;padding-left:1.5rem}
.letter .table{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));border:1px solid var(--line);margin:0 0 .8rem}
.letter .cell{border:1px solid var(--line);padding:.25rem .5rem;font-size:.95rem}
.letter [data-part]{color:var(--muted);font-size:.9rem;border-left:3px solid var(--line);padding-left:.5rem}
.letter [data-part]::before{content:attr(data-part) ": ";font-family:system-ui,sans-serif;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
.page{display:flex;align-items:center;gap:.75rem;color:var(--muted);font:600 .8rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;margin:1.25rem 0 .75rem}
.page::before,.page::after{content:"";flex:1;border-top:2px dashed var(--line)}
mark{color:inherit;background:var(--info-bg);cursor:pointer;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none}
mark.s-error{background:var(--error-bg);text-decoration-style:solid;text-decoration-color:var(--error)}
mark.s-warning{background:var(--warning-bg);text-decoration-style:wavy;text-decoration-color:var(--warning);text-decoration-thickness:1.5px}
mark.s-info{background:var(--info-bg);text-decoration-style:dotted;text-decoration-color:var(--info)}
mark.s-error.many{background:var(--error-bg2)}
mark.s-warning.many{background:var(--warning-bg2)}
mark.s-info.many{background:var(--info-bg2)}
mark.wide{background:transparent}
mark.w-error{box-shadow:0 3px 0 -1px var(--error)}
mark.w-warning{box-shadow:0 3px 0 -1px var(--warning)}
mark.w-info{box-shadow:0 3px 0 -1px var(--info)}
mark.wide:hover,mark.wide:focus{background:#eee}
mark[aria-expanded=true],mark.flash,.ev.flash{outline:3px solid #000;outline-offset:1px}
.ev.flash,.ev:focus{background:#d9eedf;box-shadow:0 0 0 2px var(--ok)}
.sev{font-weight:600;white-space:nowrap}
.sev.s-error,.icon.s-error{color:var(--error)}
.sev.s-warning,.icon.s-warning{color:var(--warning)}
.sev.s-info,.icon.s-info{color:var(--info)}
.panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;font-size:.92rem;border-left:1px solid var(--line);padding-left:1.25rem}
.panel h3{font-size:1rem;margin:1rem 0 .4rem}
.panel h3:first-child{margin-top:0}
.panel dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:0}
.panel dt{color:var(--muted)}
.panel dd{margin:0}
.panel details{margin:0 0 .35rem}
.panel summary{cursor:pointer}
.panel .jump{margin:.2rem 0 .5rem 1.2rem;line-height:1.9}
.panel .jump a{display:inline-block;min-width:1.8em;text-align:center;border:1px solid var(--line);border-radius:3px;text-decoration:none;margin:0 .1rem .1rem 0;font-size:.85rem;line-height:1.5}
.panel .desc{display:block;color:var(--muted);font-size:.85rem;margin-left:1.2rem}
.checklist{list-style:none;padding:0;margin:0}
.checklist li{margin:.15rem 0}
.checklist .no{color:var(--error);font-weight:600}
.checklist .yes{color:var(--ok)}
.checklist .basis{display:block;color:var(--muted);font-size:.82rem;margin-left:1.3rem}
svg{max-width:100%;height:auto;display:block}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#333}
svg text.small{font-size:10.5px}
.notes{margin-top:1.5rem;border-top:1px solid var(--line);padding-top:.5rem}
.notes h3{font-size:1.05rem}
.notes ol{padding-left:2.25rem}
.notes li{margin:0 0 .5rem}
.notes .note-main{display:inline}
.notes .where,.notes code,.pop code{color:var(--muted);font-size:.85rem}
.pop .sug{display:block}
.notes .sug{margin-left:.4rem}
table.index{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0 1rem}
table.index th,table.index td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
table.index td.num,table.index th.num{text-align:right}
table.index th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
table.index th[aria-sort=ascending] button::after{content:" \\25B2"}
table.index th[aria-sort=descending] button::after{content:" \\25BC"}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.5rem}
.charts figure{margin:0}
.charts figcaption{font-weight:600;margin:0 0 .25rem}
.hint{color:var(--muted);font-size:.9rem}
.error-text{color:var(--error);font-weight:600}
.pop{position:absolute;z-index:10;width:min(26rem,calc(100vw - 1rem));background:#fff;border:2px solid #333;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.25);padding:.75rem 1rem;font-size:.95rem}
.pop[hidden]{display:none}
.pop-head{display:flex;justify-content:space-between;align-items:center;gap:1rem}
.pop-head h2{font-size:1.05rem;margin:0}
.pop-close{font:inherit;font-size:1.3rem;line-height:1;background:none;border:1px solid var(--line);border-radius:4px;cursor:pointer;padding:.1rem .45rem}
.pop-item{border-top:1px solid var(--line);margin-top:.5rem;padding-top:.5rem}
.pop-item p{margin:.3rem 0}
.pop-item .label{font-weight:600}
@media (max-width:60rem){.layout{grid-template-columns:1fr}.panel{position:static;max-height:none;border-left:0;padding-left:0;border-top:1px solid var(--line);padding-top:1rem}}
@media print{
html{background:#fff;font-size:11pt}
.top .legend,.top .hint,.panel,.pop,.index .charts,table.index th button::after{display:none!important}
main{max-width:none;padding:0}
section.index,article.doc{border:0;padding:0;margin:0}
article.doc{break-before:page}
section.index+article.doc{break-before:page}
.layout{display:block}
.letter{max-width:none}
mark{background:none!important;outline:0!important}
mark[data-end]::after{content:"[" attr(data-end) "]";font:600 7.5pt system-ui,sans-serif;vertical-align:super;line-height:0;color:#000;text-decoration:none;display:inline-block}
.notes{break-before:auto;font-size:9.5pt}
.notes li{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`.trim()
