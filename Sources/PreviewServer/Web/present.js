'use strict';
// The present view of a deck (/present/<deck>) and its notes window (/present/<deck>/notes).
// Both show the same slide, kept in step through a BroadcastChannel (same origin, nothing sent
// to the server): a key pressed in either window moves both. The slides window fills the window
// (and the screen on request); the notes window shows the slide's notes, the next slide, and the
// time spent in the current slide group against its planned minutes. The deck (pages, notes,
// plan) comes from the last good build and is fetched again after every build.
const view = document.body.dataset.view;
const deckName = decodeURIComponent(location.pathname.split('/')[2]);
const channel = new BroadcastChannel(`pmreport-present:${deckName}`);
const counter = document.getElementById('counter');
const statusLine = document.getElementById('status');
let deck = null;
// What both windows share: the slide shown (0-based), and when the session and the current
// slide group started (milliseconds since the epoch).
let shared = { slide: 0, started: Date.now(), groupStarted: Date.now() };

const forward = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const backward = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function pageURL(index) {
  const slide = deck.slides[index];
  return `/pages/${encodeURIComponent(deck.name)}/${index + 1}.svg?v=${slide.page.version}`;
}

// Moves both windows to slide `index` (clamped); entering another group restarts its timer.
function go(index) {
  if (!deck) return;
  const slide = Math.max(0, Math.min(index, deck.slides.length - 1));
  if (slide === shared.slide) return;
  const sameGroup = deck.slides[slide].group === deck.slides[shared.slide]?.group;
  shared = { ...shared, slide, groupStarted: sameGroup ? shared.groupStarted : Date.now() };
  channel.postMessage({ state: shared });
  render();
}

function clock(milliseconds) {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function showTimers() {
  if (!deck || view !== 'notes') return;
  const now = Date.now();
  const group = deck.groups[deck.slides[shared.slide].group];
  const groupTimer = document.getElementById('group-timer');
  const spent = now - shared.groupStarted;
  const planned = group.minutes === null ? 'unplanned' : `${group.minutes} min`;
  groupTimer.textContent = `${group.name}: ${clock(spent)} of ${planned}`;
  groupTimer.dataset.planned = String(group.minutes);
  groupTimer.classList.toggle('over', group.minutes !== null && spent > group.minutes * 60000);
  const sessionTimer = document.getElementById('session-timer');
  const total = now - shared.started;
  sessionTimer.textContent = `Session: ${clock(total)} of ${deck.sessionMinutes} min`;
  sessionTimer.classList.toggle('over', total > deck.sessionMinutes * 60000);
}

function renderSlides() {
  const image = document.getElementById('slide');
  image.src = pageURL(shared.slide);
  image.alt = deck.slides[shared.slide].title;
  // The next slide is drawn ahead, so advancing shows it at once.
  if (shared.slide + 1 < deck.slides.length) new Image().src = pageURL(shared.slide + 1);
}

function renderNotes() {
  const slide = deck.slides[shared.slide];
  document.getElementById('title').textContent = slide.title;
  document.getElementById('notes').replaceChildren(...slide.notes.map((text) => {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    return paragraph;
  }));
  const next = document.getElementById('next-slide');
  const nextTitle = document.getElementById('next-title');
  if (shared.slide + 1 < deck.slides.length) {
    next.src = pageURL(shared.slide + 1);
    next.alt = deck.slides[shared.slide + 1].title;
    next.dataset.page = String(shared.slide + 2);
    nextTitle.textContent = deck.slides[shared.slide + 1].title;
  } else {
    next.removeAttribute('src');
    delete next.dataset.page;
    nextTitle.textContent = 'End of the deck';
  }
  showTimers();
}

function render() {
  if (!deck) return;
  counter.textContent = `${shared.slide + 1} / ${deck.slides.length}`;
  if (view === 'slides') renderSlides();
  else renderNotes();
  document.body.dataset.slide = String(shared.slide + 1);
}

async function load() {
  const response = await fetch(`/present/${encodeURIComponent(deckName)}/slides.json`,
    { cache: 'no-store' });
  if (!response.ok) {
    statusLine.textContent = `The last good build has no deck named ${deckName}.`;
    return;
  }
  deck = await response.json();
  shared.slide = Math.min(shared.slide, deck.slides.length - 1);
  statusLine.textContent = '';
  document.title = `${deck.title}: ${view === 'notes' ? 'speaker notes' : 'present'}`;
  document.body.dataset.generation = String(deck.generation);
  render();
}

function toggleFullScreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
}

function openNotes() {
  window.open(`/present/${encodeURIComponent(deckName)}/notes`, `pmreport-notes:${deckName}`,
    'popup,width=1000,height=700');
}

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest('button') && (event.key === ' ' || event.key === 'Enter')) return;
  let handled = true;
  if (forward.has(event.key)) go(shared.slide + 1);
  else if (backward.has(event.key)) go(shared.slide - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End' && deck) go(deck.slides.length - 1);
  else if (event.key === 'f' && view === 'slides') toggleFullScreen();
  else if (event.key === 'w' && view === 'slides') openNotes();
  else handled = false;
  if (handled) event.preventDefault();
});

for (const [id, action] of [['fullscreen', toggleFullScreen], ['open-notes', openNotes]]) {
  const button = document.getElementById(id);
  if (button) {
    button.addEventListener('click', () => {
      action();
      button.blur();
    });
  }
}

// A window that opens asks the others where they are; every window answers with its state.
channel.addEventListener('message', (event) => {
  if (event.data.ask) channel.postMessage({ state: shared });
  else if (event.data.state) {
    shared = { ...event.data.state };
    if (deck) shared.slide = Math.min(shared.slide, deck.slides.length - 1);
    render();
  }
});
channel.postMessage({ ask: true });

if (view === 'notes') setInterval(showTimers, 1000);

const events = new EventSource('/events');
events.addEventListener('build', () => { load(); });
events.addEventListener('open', () => { load(); });
