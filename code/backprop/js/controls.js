// The pieces every explorable is built from: its frame, sliders bound to the model's traits, readouts,
// buttons. The DOM contract (tests and outside checks read it): the frame has data-explorable=<name>, each
// slider is an <input type="range" data-param=<trait>>, each number shown has data-readout=<key> and
// data-value=<the full-precision number>.
import { fmt, htmlEl } from "./dom.js";

// The explorable's frame; keys pressed inside stay with it (JupyterLab's shortcuts would take the arrows).
export function frame(name, children, cls = "") {
  return htmlEl("div", { class: `bp-explorable ${cls}`.trim(), "data-explorable": name,
    "data-lm-suppress-shortcuts": "true" }, children);
}

// The sliders' names in the order Python's `ranges` gives them (the trait `params`: a list keeps its order in
// a stored notebook, where a dict's keys come back sorted).
export function params(model) {
  return model.get("params");
}

// A labelled slider <input type="range" data-param=name>; onInput(value) runs on every input event.
// aria: the words a screen reader speaks ("weight w1"); without it, the name. Integer steps show integers.
// row.set(v) moves it (to its nearest step); row.set(v, true) shows v itself, not the step's value.
function slider(name, label, spec, value, onInput, aria) {
  const input = htmlEl("input", {
    type: "range", "data-param": name, min: spec.min, max: spec.max, step: spec.step,
    "aria-label": aria || name,
  });
  input.value = value;
  const show = (v) => (Number.isInteger(Number(spec.step)) ? String(v) : fmt(v));
  const out = htmlEl("output", { class: "bp-slider-value" }, show(Number(input.value)));
  input.addEventListener("input", () => {
    const v = Number(input.value);
    out.textContent = show(v);
    onInput(v);
  });
  input.addEventListener("keydown", (e) => e.stopPropagation());
  const row = htmlEl("label", { class: "bp-slider" }, [htmlEl("span", { class: "bp-label" }, label), input, out]);
  row.set = (v, exact = false) => { input.value = v; out.textContent = exact ? fmt(v) : show(Number(input.value)); };
  return row;
}

// Save a change to the kernel when there is one; a static page has no kernel to save to.
export function save(model) {
  try { model.save_changes(); } catch (e) { /* static HTML: no comm, nothing to sync */ }
}

// A slider bound to the model's trait `name`, its range from model.get("ranges"): moving it sets p[name],
// calls update(name) and saves to the kernel; Python setting the trait moves the slider and calls update(name).
export function bindSlider(model, p, name, label, aria, update) {
  const spec = model.get("ranges")[name];
  p[name] = model.get(name);
  const row = slider(name, label, spec, p[name], (v) => {
    p[name] = v; update(name); model.set(name, v); save(model);
  }, aria);
  model.on(`change:${name}`, () => {
    const v = model.get(name);
    if (v !== p[name]) { p[name] = v; row.set(v); update(name); }
  });
  return row;
}

// A fieldset of sliders under a title (the sliders of one kind: inputs, targets, ...).
export function sliderGroup(title, rows) {
  return htmlEl("fieldset", {}, [htmlEl("legend", {}, title), ...rows]);
}

// A numeric readout <span data-readout=name data-value=...>; integer = true shows an integer.
// readout() is a labelled row; readoutCell() the bare number, for a table cell. Both have set(x).
export function readoutCell(name, integer = false) {
  const val = htmlEl("span", { class: "bp-value", "data-readout": name, "data-value": "" });
  val.set = (x) => { val.dataset.value = String(x); val.textContent = integer ? String(Math.round(x)) : fmt(x); };
  return val;
}

export function readout(name, label, integer = false) {
  const val = readoutCell(name, integer);
  const row = htmlEl("div", { class: "bp-readout" }, [htmlEl("span", { class: "bp-label" }, label), val]);
  row.set = val.set;
  return row;
}

// Labelled readouts from [[key, label], ...]: {key: row}, in that order (Object.values gives the rows).
export function readouts(list) {
  return Object.fromEntries(list.map(([key, text]) => [key, readout(key, text)]));
}

export function button(action, text, onClick, aria) {
  const b = htmlEl("button", { type: "button", "data-action": action, ...(aria ? { "aria-label": aria } : {}) }, text);
  b.addEventListener("click", onClick);
  return b;
}

// The buttons that silence output neuron j (data-action=match<j>): its target y<j> set to its output
// output(j), exactly (not the slider's nearest step), shown, drawn and saved. T.match(j), T.matchAria(j): the
// button's text and the words a screen reader speaks.
export function silenceButtons(model, p, sliders, T, output, update, n = 2) {
  return [...Array(n).keys()].map((j) => button(`match${j}`, T.match(j), () => {
    const y = output(j), name = `y${j}`;
    p[name] = y;
    sliders[name].set(y, true);
    update(name);
    model.set(name, y); save(model);
  }, T.matchAria(j)));
}
