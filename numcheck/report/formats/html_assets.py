"""The HTML report's inline style and script: no external asset, so the page works offline.

The script only shows and hides what the page already holds: clicking a figure opens its
prepared detail panel (`.detail`), a counterpart link scrolls to the other figure and opens its
panel, Escape closes. Without script, links to `#d-N` open the same panels through `:target`.
"""

from __future__ import annotations

CSS = """
:root{--conflict:#d1361f;--rule:#c77700;--agree:#2e9e4f;--silenced:#777;--unmatched:#6b8fb8;--bg:#fff;--fg:#1d1d1f}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--fg);background:var(--bg)}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
h3{font-size:1.05em;margin:.2em 0}
.summary{font-weight:600}
.legend .fig{margin-right:.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.92em}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f6}
td.lvl-error{color:var(--conflict);font-weight:600}td.lvl-warning{color:var(--rule);font-weight:600}
.article{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:0 14px 8px}
.article .meta{color:#555;font-size:.9em;margin:0}
.text{white-space:pre-wrap;word-wrap:break-word;font:14px/1.6 Georgia,serif;margin:.5em 0}
.fig{text-decoration:none;color:inherit;border-radius:3px;padding:0 2px;border-bottom:2px solid}
.fig:focus,.fig.current{outline:2px solid #000;outline-offset:1px}
.st-conflict{background:#fbe3df;border-color:var(--conflict)}
.st-rule{background:#fdf0d9;border-color:var(--rule)}
.st-agree{background:#e1f4e6;border-color:var(--agree)}
.st-silenced{background:#eee;border-color:var(--silenced);border-bottom-style:dashed}
.st-unmatched{background:#eef3f9;border-color:var(--unmatched);border-bottom-style:dotted}
.fig.unattributed{background:none}
.badge{font-size:.8em;padding:1px 6px;border-radius:9px;border:1px solid;white-space:nowrap}
.detail{display:none;position:fixed;top:0;right:0;width:min(430px,100vw);height:100vh;overflow:auto;
 background:#fff;border-left:2px solid #333;box-shadow:-4px 0 16px rgba(0,0,0,.15);padding:12px 16px;z-index:10}
.detail.open,.detail:target{display:block}
.detail .close{float:right;font-size:1.4em;text-decoration:none;color:#333;line-height:1}
.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:.5em 0}
.detail dt{color:#555}.detail dd{margin:0}
.detail blockquote{margin:.5em 0;padding:4px 10px;border-left:3px solid #ccc;color:#333;font-family:Georgia,serif}
.chart{display:block;margin:.4em 0;background:#fafafa;border:1px solid #e4e4e4}
.chart .axis{stroke:#888;stroke-width:1}.chart .tick{font-size:10px;fill:#555}
.chart .trend{fill:none;stroke:#bbb;stroke-width:1;stroke-dasharray:3 3}.chart .letter{font-size:10px;font-weight:700}
.muted{color:#666}.cm{color:#999}
div.fm{margin:.4em 0;font-size:.85em;color:#555}div.fm table{width:auto;margin:.2em 0}div.fm th{font-weight:400}
div.fm details summary{cursor:pointer;color:#777}div.fm pre{white-space:pre-wrap;margin:.2em 0}
h1,h2,h3,p,li,td,th,dd{overflow-wrap:anywhere}
.chart{max-width:100%;height:auto}
table.findings td.fid,table.findings td.lvl{white-space:nowrap}
table.findings td.msg{min-width:16em}table.findings td.plot{min-width:352px}
@media (max-width:1000px){
 table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:auto}
 table.findings tr:first-child{display:none}
 table.findings tr{border:1px solid #ddd;border-radius:6px;margin:.6em 0;padding:4px 8px}
 table.findings td{border:0;padding:2px 0;min-width:0}
 table.findings td.fid,table.findings td.lvl{display:inline-block;margin-right:.6em;font-weight:600}
 table.findings td[data-label]::before{content:attr(data-label);display:block;color:#666;font-size:.85em}
 table.findings td.plot{min-width:0}table.findings td.plot svg{width:340px}
}
@media (max-width:600px){header,main{padding:0 10px}table{font-size:.85em}
 main table:not(.findings),.detail table{display:block;overflow-x:auto}}
@media print{.detail{display:none!important}}
"""

JS = """
(function(){
  var current=null;
  function open(id){
    var d=document.getElementById(id);
    if(!d)return;
    if(current)current.classList.remove('open');
    document.querySelectorAll('.fig.current').forEach(function(f){f.classList.remove('current');});
    var fig=document.getElementById('c-'+id.slice(2));
    if(fig)fig.classList.add('current');
    d.classList.add('open');current=d;d.focus({preventScroll:true});
  }
  function close(){
    if(current)current.classList.remove('open');current=null;
    document.querySelectorAll('.fig.current').forEach(function(f){f.classList.remove('current');});
  }
  document.addEventListener('click',function(e){
    var a=e.target.closest('a');
    if(!a)return;
    if(a.classList.contains('close')){e.preventDefault();close();return;}
    var go=a.getAttribute('data-go');
    if(go){
      e.preventDefault();
      var fig=document.getElementById(go);
      if(fig)fig.scrollIntoView({block:'center'});
      open('d-'+go.slice(2));return;
    }
    var d=a.getAttribute('data-d');
    if(d){e.preventDefault();open(d);}
  });
  document.addEventListener('keydown',function(e){if(e.key==='Escape')close();});
})();
"""
