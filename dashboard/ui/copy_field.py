"""A read-only text with a Copy button: the Share box's link and embed code.

`st.code` showed them before, but its syntax highlighter is a 1.5 MB script that registers some 200 languages
each time a page loads: for two lines of plain text it took 285 ms of the browser's main thread per page open on
this 2-core machine (Chromium CPU profile; a page of two code blocks 623 ms, of two of these fields 338 ms). This
is a textarea and a button, drawn by a tiny inline component (Streamlit's components v2: no iframe, no assets).

The text goes into the field as its value, never as markup. Focusing the field selects it all; Copy uses the
clipboard where the page may (https or localhost) and the browser's copy command elsewhere, and says which it did.
"""

from __future__ import annotations

import streamlit as st

COMPONENT = "md_talks_copy_field"  # the name each field's element carries (tests find the fields by it)

_HTML = """<div class="copy-field">
  <textarea readonly spellcheck="false" rows="1"></textarea>
  <div class="actions"><button type="button">Copy</button><span class="status" role="status"></span></div>
</div>"""

# Streamlit's theme reaches the component as --st-* properties (light or dark, as the reader chose).
_CSS = """
.copy-field { display: flex; gap: 0.5rem; align-items: flex-start; }
textarea {
  flex: 1; min-width: 0; box-sizing: border-box; margin: 0; padding: 0.5rem 0.75rem; resize: none; overflow: hidden;
  font-family: var(--st-code-font, monospace); font-size: 0.875rem; line-height: 1.5; overflow-wrap: anywhere;
  color: var(--st-text-color); background: var(--st-secondary-background-color);
  border: 1px solid transparent; border-radius: var(--st-base-radius, 0.5rem);
}
.actions { display: flex; flex-direction: column; align-items: center; gap: 0.15rem; }
button {
  min-height: 2.5rem; padding: 0.25rem 0.75rem; cursor: pointer;
  font-family: var(--st-font, sans-serif); font-size: 0.875rem; color: var(--st-text-color);
  background: var(--st-background-color); border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.2));
  border-radius: var(--st-base-radius, 0.5rem);
}
button:hover { border-color: var(--st-primary-color); }
textarea:focus-visible, button:focus-visible { outline: 2px solid var(--st-primary-color); outline-offset: 1px; }
.status { font-family: var(--st-font, sans-serif); font-size: 0.75rem; color: var(--st-text-color); }
"""

# The field grows to its text (every line shown, none scrolled away) and again when its width changes.
_JS = """
export default function ({ data, parentElement }) {
  const box = parentElement.querySelector("textarea");
  const button = parentElement.querySelector("button");
  const status = parentElement.querySelector(".status");
  box.value = data.text;
  box.setAttribute("aria-label", data.label);
  button.setAttribute("aria-label", `Copy ${data.label.toLowerCase()}`);
  const fit = () => { box.style.height = "auto"; box.style.height = `${box.scrollHeight + 2}px`; };
  fit();
  const resized = new ResizeObserver(fit);
  resized.observe(parentElement.querySelector(".copy-field"));
  let timer;
  const say = (words) => {
    status.textContent = words;
    clearTimeout(timer);
    timer = setTimeout(() => { status.textContent = ""; }, 4000);
  };
  const copyCommand = () => {
    box.focus();
    box.select();
    say(document.execCommand("copy") ? "Copied" : "Selected: press Ctrl+C to copy");
  };
  box.onfocus = () => box.select();
  button.onclick = () => {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(data.text).then(() => say("Copied"), copyCommand);
    } else copyCommand();
  };
  return () => { resized.disconnect(); clearTimeout(timer); };
}
"""

_component = st.components.v2.component(COMPONENT, html=_HTML, css=_CSS, js=_JS)


def copy_field(text: str, label: str, *, key: str) -> None:
    """Show `text` read-only with a Copy button; `label` names the field to screen readers ("Link")."""
    _component(key=key, data={"text": text, "label": label})
