'use strict';
// The live preview: the chosen document's pages as placeholders of their size, each page's SVG
// loaded when it comes into view, and after each build only the pages whose version changed
// swapped (new elements; the others stay the same nodes). A changed page in view is swapped in
// first as a raster (its pixels at its size in device pixels, put in a canvas: nothing to decode;
// after the page's first raster, only the rows that changed, put on the one before),
// then its SVG replaces the raster once decoded, so zoom and print stay sharp. The server is told
// which pages are in view, so it draws their rasters as soon as a build changes them, and pushes
// a small band of changed rows on the event stream without waiting to be asked.
const pagesElement = document.getElementById('pages');
const menu = document.getElementById('documents');
const statusLine = document.getElementById('status');
const position = document.getElementById('position');
const overlay = document.getElementById('overlay');
const diagnostics = document.getElementById('diagnostics');
const presentLink = document.getElementById('present');
const pointsToPixels = 4 / 3;
let snapshot = null;
let shown = null;
// Page index → the version its swap waits to show: a swap whose version is no longer the latest
// is dropped (a later build changed the page again while it loaded).
const pendingSwaps = new Map();
// The page versions whose SVG has been shown (`document/page/version`, the latest 500): one that
// comes back (an undo) is swapped in as its SVG, which the browser keeps in its memory of images,
// not as a raster fetched again.
const shownVersions = new Set();
function markShown(page) {
  shownVersions.add(`${page.dataset.document}/${page.dataset.page}/${page.dataset.version}`);
  if (shownVersions.size > 500) shownVersions.delete(shownVersions.values().next().value);
}
function wasShown(page) {
  return shownVersions.has(`${page.dataset.document}/${page.dataset.page}/${page.dataset.version}`);
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    entry.target.inView = entry.isIntersecting;
    if (entry.isIntersecting) fill(entry.target);
  }
  reportView();
}, { rootMargin: '300px 0px' });

// The width in device pixels the page's raster is asked at: its element's.
function rasterWidth(page) {
  return Math.round(page.pageSize.width * pointsToPixels * window.devicePixelRatio);
}

// How many pixels of the page's height are in the viewport (0 for one only within the margin).
function shownHeight(page) {
  const box = page.getBoundingClientRect();
  return Math.max(0, Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0));
}

// Tells the server which pages are in view and the widths their rasters will be asked at (when
// that changed), so a build that changes one has its raster drawn before the page asks. The
// most visible come first (the server keeps the first few), then those within the margin.
let viewReported = '';
function reportView() {
  const inView = Array.from(pagesElement.children).filter((page) => page.inView)
    .map((page) => ({ page, shown: shownHeight(page) }))
    .sort((a, b) => b.shown - a.shown).map((entry) => entry.page);
  if (!shown) return;
  const query = `pages=${inView.map((page) => page.dataset.page).join(',')}` +
    `&w=${inView.map(rasterWidth).join(',')}`;
  const url = `/view/${encodeURIComponent(shown)}?${query}`;
  if (url === viewReported) return;
  viewReported = url;
  fetch(url, { cache: 'no-store' }).catch(() => { viewReported = ''; });
}
window.addEventListener('resize', reportView);

function pageURL(page, ext) {
  return `/pages/${encodeURIComponent(page.dataset.document)}/${page.dataset.page}.${ext}` +
    `?v=${page.dataset.version}`;
}

function pictureLabel(name, number) {
  return `Page ${number} of ${name}`;
}

// The page's SVG as an image not yet in the document, once decoded.
function svgPicture(page) {
  const image = new Image();
  image.alt = pictureLabel(page.dataset.document, page.dataset.page);
  image.src = pageURL(page, 'svg');
  return image.decode().then(() => image);
}

// The last raster received of each page (`document/page` → the version drawn, as the response
// says, the width asked for, and its canvas), the latest few: a later raster of the page at that
// width is asked for as the rows that changed since (`since`). Its canvas takes them in place
// once no longer shown (a new canvas costs Chromium its memory, cleared: about as long as the
// band's whole journey), else a copy does.
const rasters = new Map();
const mostRasters = 4;

// The bands the server pushes (`raster` events) of the page versions a build's event says are
// drawn ahead (`document/page/version` → a promise of the page's raster canvas, or of null when
// the page must ask for it: the event said so, the band did not fit the raster kept, or the
// stream reopened). A later build's event settles those left as null.
let pushes = new Map();

function awaitPushes(ahead) {
  for (const push of pushes.values()) push.settle(null);
  pushes = new Map(ahead.map((key) => {
    let settle;
    const promise = new Promise((resolve) => { settle = resolve; });
    return [`${key.document}/${key.page}/${key.version}`, { promise, settle }];
  }));
}

function fromBase64(text) {
  return Uint8Array.fromBase64
    ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

// A pushed band of `page` (document, page, version, width; its pixels in base64) put on the
// raster kept of the page when that shows the band's `since` at its size: whether or not the
// page waits for it, the raster kept then shows the band's version, as the server's last raster
// sent of the page does. The canvas, or null.
function putBand(page, band, encoded) {
  const name = `${page.document}/${page.page}`;
  const kept = rasters.get(name);
  if (!kept || kept.version !== band.since || kept.canvas.width !== page.width ||
      kept.canvas.height !== band.height) return null;
  const pixels = new Uint8ClampedArray(fromBase64(encoded).buffer);
  const rows = pixels.length / 4 / page.width;
  if (!Number.isInteger(rows) || band.top + rows > band.height) return null;
  const label = pictureLabel(page.document, page.page);
  const raster = { ...band, version: page.version, asked: kept.asked, width: page.width };
  return keepRaster(name, { ...raster, pixels, label }, kept, true);
}

// Puts `raster.pixels` (red, green, blue, alpha: rows from `raster.top` on of a page raster of
// `raster.width` × `raster.height`) in a canvas labelled `raster.label` and keeps it as page
// `name`'s raster of `raster.version`, asked at `raster.asked`: the canvas of `kept` (the raster
// kept of the page, of that size) when no longer shown (a new canvas costs Chromium its memory,
// cleared), else a new one; `onKept`: the rows go on `kept`'s pixels (on a copy when it is shown).
function keepRaster(name, raster, kept, onKept) {
  const { width, height, top, pixels } = raster;
  const rows = pixels.length / 4 / width;
  const reused = kept && !kept.canvas.isConnected;
  const canvas = reused ? kept.canvas : document.createElement('canvas');
  if (!reused) {
    // Setting a size clears a canvas, even to the size it has.
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d');
  if (onKept && !reused) context.drawImage(kept.canvas, 0, 0);
  if (rows) context.putImageData(new ImageData(pixels, width, rows), 0, top);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', raster.label);
  rasters.delete(name);
  rasters.set(name, { version: raster.version, asked: raster.asked, canvas });
  if (rasters.size > mostRasters) rasters.delete(rasters.keys().next().value);
  return canvas;
}

// The page's raster as a canvas not yet in the document: its pixels (red, green, blue, alpha;
// the response says the page's width and height) at the element's size in device pixels, put in
// as they are; when the response holds only the rows from `X-Raster-Top` on that changed since
// the raster kept (`X-Raster-Since` names its version), put on that one. `whole`: asked for
// without `since` (the raster kept changed while the band was on its way). A page version whose
// band is pushed is not asked for.
async function rasterPicture(page, whole = false) {
  const name = `${page.dataset.document}/${page.dataset.page}`;
  const key = `${name}/${page.dataset.version}`;
  const push = !whole && pushes.get(key);
  const pushed = push && await push.promise;
  // Taken once: a later picture of the same version (zoomed, scrolled back) is asked for.
  if (push && pushes.get(key) === push) pushes.delete(key);
  if (pushed) return pushed;
  const asked = rasterWidth(page);
  const kept = rasters.get(name);
  const since = !whole && kept && kept.asked === asked
    ? `&since=${encodeURIComponent(kept.version)}` : '';
  const response = await fetch(`${pageURL(page, 'rgba')}&w=${asked}${since}`);
  if (!response.ok) throw new Error(`raster: ${response.status}`);
  const pixels = new Uint8ClampedArray(await response.arrayBuffer());
  const width = Number(response.headers.get('X-Raster-Width'));
  const height = Number(response.headers.get('X-Raster-Height'));
  const top = Number(response.headers.get('X-Raster-Top') || 0);
  const base = response.headers.get('X-Raster-Since');
  // The version drawn: the server's latest, which a build landing meanwhile makes later than asked.
  const version = response.headers.get('X-Raster-Version');
  const rows = pixels.length / 4 / width;
  if (!version || !(width > 0 && height > 0) || !Number.isInteger(rows) || top + rows > height) {
    throw new Error('raster: not a page');
  }
  const current = kept && rasters.get(name) === kept;
  const sameSize = current && kept.canvas.width === width && kept.canvas.height === height;
  if (base !== null && !(sameSize && kept.version === base)) return rasterPicture(page, true);
  const label = pictureLabel(page.dataset.document, page.dataset.page);
  return keepRaster(name, { version, asked, width, height, top, pixels, label },
    sameSize ? kept : null, base !== null);
}

function placeholder(name, number, info) {
  const page = document.createElement('section');
  page.className = 'page';
  page.tabIndex = 0;
  page.dataset.document = name;
  page.dataset.page = String(number);
  page.dataset.version = info.version;
  page.setAttribute('aria-label', `Page ${number}`);
  page.style.width = `${info.width * pointsToPixels}px`;
  page.style.height = `${info.height * pointsToPixels}px`;
  page.pageSize = { width: info.width, height: info.height };
  return page;
}

// Loads the page's picture (`kind`: 'svg', or 'raster' for a changed page swapped in after a
// build) and its hit boxes; resolves when the picture is in place (a changed page is swapped in
// then), and the page is marked loaded once the hit boxes are laid over it too. A page coming
// into view asks for both at once; a changed page asks for its hit boxes after its raster, so
// that they do not share the machine with the raster's drawing. Asking for them after a changed
// page's raster tells the server that its picture is in place: it writes the build's files only
// then (or 50 ms after the build's event). A raster is replaced by the SVG once that is decoded.
function fill(page, kind = 'svg') {
  if (page.filling) return page.filling;
  const picture = kind === 'raster' ? rasterPicture(page) : svgPicture(page);
  const askBoxes = () => fetch(pageURL(page, 'json')).then((r) => r.json());
  const early = kind === 'raster' ? null : askBoxes();
  if (early) early.catch(() => {});  // handled below, once the picture is in
  page.filling = picture.then((image) => {
    page.replaceChildren(image);
    page.dataset.picture = kind;
    if (kind === 'raster') afterNextPaint(() => replaceRaster(page, image));
    else markShown(page);
    (early ?? askBoxes()).then((list) => {
      page.append(hitLayer(page, list));
      page.dataset.loaded = 'true';
    }).catch(() => { page.filling = null; });
  });
  page.filling.catch(() => { page.filling = null; });
  return page.filling;
}

// Runs `then` once the next frame is painted (the raster shown before the SVG is asked for).
function afterNextPaint(then) {
  requestAnimationFrame(() => setTimeout(then, 0));
}

// Puts the page's SVG in place of its raster once decoded off-screen; nothing when the raster
// has gone meanwhile (a later build changed the page again).
function replaceRaster(page, raster) {
  if (!page.isConnected) return;
  svgPicture(page).then((image) => {
    if (!page.isConnected || raster.parentNode !== page) return;
    raster.replaceWith(image);
    page.dataset.picture = 'svg';
    markShown(page);
  }, () => {});
}

function hitLayer(page, list) {
  const layer = document.createElement('div');
  layer.className = 'hits';
  const { width, height } = page.pageSize;
  for (const box of list) {
    const hit = document.createElement('a');
    hit.className = 'hit';
    hit.dataset.source = box.source;
    hit.href = editorLink(box.path, box.line);
    hit.setAttribute('aria-label', `${box.tag || 'image'} at ${box.source}`);
    hit.style.left = `${(100 * box.x) / width}%`;
    hit.style.top = `${(100 * box.y) / height}%`;
    hit.style.width = `${(100 * box.width) / width}%`;
    hit.style.height = `${(100 * box.height) / height}%`;
    layer.append(hit);
  }
  return layer;
}

function editorLink(path, line) {
  // Function replacements: a `$&` or `$'` in the path is inserted as written.
  const encoded = encodeURI(path).replace(/[?#]/g, encodeURIComponent);
  return snapshot.editorLink.replace('{path}', () => encoded).replace('{line}', () => String(line));
}

pagesElement.addEventListener('click', (event) => {
  const hit = event.target.closest('.hit');
  if (!hit) return;
  const link = document.createElement('a');
  link.href = hit.href;
  link.textContent = `${hit.dataset.source} (open in the editor)`;
  position.replaceChildren(link);
  position.dataset.source = hit.dataset.source;
});

function showDocument(name) {
  const documentInfo = snapshot.documents.find((d) => d.name === name) || snapshot.documents[0];
  if (!documentInfo) return;
  shown = documentInfo.name;
  menu.value = shown;
  presentLink.hidden = !documentInfo.deck;
  presentLink.href = `/present/${encodeURIComponent(shown)}`;
  for (const page of pagesElement.children) observer.unobserve(page);
  pendingSwaps.clear();
  const pages = documentInfo.pages.map((info, i) => placeholder(shown, i + 1, info));
  pagesElement.replaceChildren(...pages);
  for (const page of pages) observer.observe(page);
}

// Swaps the pages whose version changed, keeping every other element (and the scroll position).
function update(documentInfo) {
  const current = Array.from(pagesElement.children);
  documentInfo.pages.forEach((info, i) => {
    const old = current[i];
    if (old && old.dataset.version === info.version) {
      pendingSwaps.delete(i);
      return;
    }
    // A later build that leaves the page as the one before made it: its swap is on its way, and
    // the page version is asked for once.
    if (old && pendingSwaps.get(i) === info.version) return;
    const page = placeholder(shown, i + 1, info);
    if (!old) {
      pagesElement.append(page);
      observer.observe(page);
      return;
    }
    pendingSwaps.set(i, info.version);
    // Replaces whichever node shows the page by then, if this is still its latest version.
    const swap = () => {
      if (pendingSwaps.get(i) !== info.version) return;
      pendingSwaps.delete(i);
      const shownPage = pagesElement.children[i];
      if (!shownPage) return;
      observer.unobserve(shownPage);
      shownPage.replaceWith(page);
      observer.observe(page);
    };
    if (old.inView) fill(page, wasShown(page) ? 'svg' : 'raster').then(swap, swap);
    else swap();
  });
  for (const extra of current.slice(documentInfo.pages.length)) {
    observer.unobserve(extra);
    extra.remove();
  }
}

function apply(next) {
  // Two refreshes may resolve out of order: an older snapshot never replaces a newer one.
  if (snapshot !== null && next.generation <= snapshot.generation) return;
  const first = snapshot === null;
  snapshot = next;
  overlay.hidden = next.diagnostics.length === 0;
  diagnostics.textContent = next.diagnostics.join('\n');
  statusLine.textContent = next.diagnostics.length
    ? 'not rebuilt: see the messages'
    : `${next.generation > 1 ? 'rebuilt' : 'built'} in ${next.milliseconds} ms`;
  const names = next.documents.map((d) => d.name);
  if (menu.options.length !== names.length ||
      names.some((n, i) => menu.options[i].value !== n)) {
    menu.replaceChildren(...next.documents.map((d) => new Option(`${d.title} (${d.name})`, d.name)));
  }
  const wanted = new URLSearchParams(location.hash.slice(1)).get('document');
  const chosen = next.documents.find((d) => d.name === shown);
  if (first || !chosen) showDocument(wanted || shown);
  else update(chosen);
  document.body.dataset.generation = String(next.generation);
}

async function refresh() {
  const response = await fetch('/state.json', { cache: 'no-store' });
  apply(await response.json());
}

menu.addEventListener('change', () => {
  location.hash = `document=${encodeURIComponent(menu.value)}`;
  showDocument(menu.value);
});

document.addEventListener('keydown', (event) => {
  if (event.target === menu || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key !== 'n' && event.key !== 'p') return;
  const pages = Array.from(pagesElement.children);
  const at = pages.indexOf(document.activeElement.closest ? document.activeElement.closest('.page') : null);
  const next = pages[event.key === 'n' ? Math.min(at + 1, pages.length - 1) : Math.max(at - 1, 0)];
  if (next) next.focus();
});

// A build's event carries the new state: the changed pages are asked for at once. On (re)connecting
// the state is fetched, since builds may have been missed.
const events = new EventSource('/events');
events.addEventListener('build', (event) => {
  const build = JSON.parse(event.data);
  awaitPushes(build.ahead);
  apply(build.state);
});
// A page drawn ahead: its header (JSON: the page, and its band when pushed), then the band's
// pixels in base64.
events.addEventListener('raster', (event) => {
  const end = event.data.indexOf('\n');
  const { page, band } = JSON.parse(end < 0 ? event.data : event.data.slice(0, end));
  const canvas = band ? putBand(page, band, event.data.slice(end + 1)) : null;
  const push = pushes.get(`${page.document}/${page.page}/${page.version}`);
  if (push) push.settle(canvas);
});
events.addEventListener('open', () => {
  awaitPushes([]);
  refresh();
});
