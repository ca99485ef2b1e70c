//! What a terminal shows of our screen (`Screen`: our frame comparison and
//! backend) is, frame after frame, what it shows of ratatui's own terminal
//! with crossterm's bytes. The real app is typed at as the crash harness
//! types (notes with é, ë, €, ï, line breaks and Backspace, Tab between
//! fields, n/p between criteria, Esc, the recovered-work overlay) and at
//! random elsewhere (clocks passing, saves, pastes), with a frame after one
//! to five keys (as when keys arrive faster than frames), at 80x24, 120x40
//! and across resizes; and random frames with borders in the last column.
//! Both outputs go to a terminal (`vt100`) and are compared cell by cell,
//! with the cursor where it shows, after every frame: a backend that writes
//! fewer bytes (erasing, moving relatively) must not let the screen drift.
//!
//! `FRAMES_SHOWN_SEEDS=<n> cargo test --release --test frames_shown --
//! --ignored` runs many more.

mod support;

use std::cell::RefCell;
use std::io::{self, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use support::strokes::{ALPHABET, Rng, Stroke, random_stroke};
use zelfscan::model::{Scan, ScanMeta};
use zelfscan::tui::action::{Action, OpenedScan, SaveReport};
use zelfscan::tui::app::{App, FrameworkChoice};
use zelfscan::tui::backend::Fast;
use zelfscan::tui::keymap;
use zelfscan::tui::screen::Screen;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

/// A writer whose bytes can be taken after it was handed over.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Shared {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The app at the crash harness's scan (a region, no participants) with
/// `notes` in its first three criteria, just opened; `recovered` shows the
/// overlay that says the journal restored work.
fn app(notes: &[[String; 3]; 3], recovered: bool) -> App {
    let framework = zelfscan::storage::bundled_frameworks().remove(0);
    let meta = ScanMeta {
        region: "Crashregio".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: String::new(),
        note_taker: String::new(),
        participants: Vec::new(),
    };
    let mut scan = Scan::new(meta, framework);
    for (answer, notes) in scan.answers.iter_mut().zip(notes) {
        answer.perspectives[0].note = notes[0].clone();
        answer.perspectives[1].note = notes[1].clone();
        answer.consensus_note = notes[2].clone();
    }
    opened(zelfscan::i18n::Lang::Nl, scan, recovered)
}

/// The app in `lang` with `scan` just opened.
fn opened(lang: zelfscan::i18n::Lang, scan: Scan, recovered: bool) -> App {
    let frameworks = zelfscan::storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        lang.catalogue(),
        zelfscan::paths::Paths::under(&PathBuf::from("/zelfscan-test")),
        frameworks,
        "2026-11-25T10:00:00Z".parse().expect("timestamp"),
    );
    update(
        &mut app,
        Action::Opened(Ok(OpenedScan {
            scan: Box::new(scan),
            path: PathBuf::from("/zelfscan-test/scans/crash é.toml"),
            warnings: Vec::new(),
            recovered: recovered.then(|| "3 wijzigingen uit het logboek".to_string()),
            read_only: false,
            banner: None,
        })),
    );
    app
}

/// The next key: mostly typing in a note, sometimes moving between fields
/// and criteria, entering or leaving a note.
fn random_key(rng: &mut Rng) -> KeyEvent {
    let code = match rng.below(100) {
        0..=59 => KeyCode::Char(ALPHABET[rng.below(ALPHABET.len())]),
        60..=69 => KeyCode::Enter,
        70..=79 => KeyCode::Backspace,
        80..=85 => KeyCode::Tab,
        86..=87 => KeyCode::BackTab,
        88..=91 => KeyCode::Esc,
        92..=94 => KeyCode::Char('n'),
        95..=96 => KeyCode::Char('p'),
        _ => KeyCode::Char('e'),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// What happens next: mostly a key, sometimes time passing (the clocks on
/// screen), a save reported (a message), a paste.
fn random_actions(rng: &mut Rng, app: &mut App, log: &mut Vec<String>) -> Vec<Action> {
    match rng.below(40) {
        0 | 1 => {
            let seconds = 1 + rng.below(90) as i64;
            app.now = app
                .now
                .checked_add(jiff::SignedDuration::from_secs(seconds))
                .unwrap_or(app.now);
            log.push(format!("{seconds} s later"));
            vec![Action::Tick]
        }
        2 => {
            log.push("saved".into());
            vec![
                Action::Save,
                Action::Saved(Ok(SaveReport {
                    path: PathBuf::from("/zelfscan-test/scans/crash é.toml"),
                    moved: None,
                    auto: rng.below(2) == 0,
                    unchanged: false,
                    backup: None,
                })),
            ]
        }
        3 => {
            log.push("paste".into());
            vec![Action::Paste("plak é\nregel ë€".into())]
        }
        _ => {
            let key = random_key(rng);
            log.push(format!("{:?}", key.code));
            keymap::action_for(keymap::context(app), key)
                .into_iter()
                .collect()
        }
    }
}

/// What a terminal shows, cell by cell: the symbol and what shows of its
/// style (on a blank only the background, reverse and underline show; an
/// erased cell and a written space look the same); then the cursor.
fn shown(terminal: &vt100::Parser) -> Vec<String> {
    let screen = terminal.screen();
    let (rows, columns) = screen.size();
    let mut cells: Vec<String> = (0..rows.get())
        .flat_map(|row| (0..columns.get()).map(move |column| (row, column)))
        .map(|(row, column)| {
            screen.cell(row, column).map_or(String::new(), |cell| {
                let on_blank = format!(
                    "{:?} {} {}",
                    cell.bgcolor(),
                    cell.inverse(),
                    cell.underline()
                );
                if matches!(cell.contents(), "" | " ") && !cell.is_wide_continuation() {
                    format!("{row},{column} blank {on_blank}")
                } else {
                    format!(
                        "{row},{column} {:?} {on_blank} {:?} {} {} {}",
                        cell.contents(),
                        cell.fgcolor(),
                        cell.bold(),
                        cell.dim(),
                        cell.italic()
                    )
                }
            })
        })
        .collect();
    // Where a hidden cursor stands shows nowhere.
    cells.push(if screen.hide_cursor() {
        "cursor hidden".to_string()
    } else {
        format!("cursor at {:?}", screen.cursor_position())
    });
    cells
}

fn parser(width: u16, height: u16) -> vt100::Parser {
    let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
    vt100::Parser::new(size(height), size(width), 0)
}

/// ratatui's own terminal, with crossterm's bytes, at a fixed size.
fn reference(out: &Shared, width: u16, height: u16) -> Terminal<CrosstermBackend<Shared>> {
    Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .expect("terminal")
}

/// One run: `frames` frames of random keys at the sizes given, from `seed`.
/// Panics at the first frame the two terminals show differently.
fn run(seed: u64, frames: usize, sizes: &[(u16, u16)]) {
    let mut rng = Rng::new(seed);
    let mut app = app(&Default::default(), false);
    let (width, height) = sizes[0];
    update(&mut app, Action::Resize(width, height));
    let mut pair = Pair::new(width, height);
    let mut keys = Vec::new();
    for _ in 0..frames {
        if sizes.len() > 1 && rng.below(40) == 0 {
            let (width, height) = sizes[rng.below(sizes.len())];
            pair.resize(width, height);
            update(&mut app, Action::Resize(width, height));
            keys.push(format!("resize {width}x{height}"));
        }
        for _ in 0..1 + rng.below(5) {
            for action in random_actions(&mut rng, &mut app, &mut keys) {
                // Effects (saving, opening) are not run: the screen is what
                // counts; a save is told to have gone well.
                let _ = update(&mut app, action);
            }
        }
        if let Err(difference) = pair.frame(&app) {
            panic!(
                "seed {seed}: {difference}\nthe last keys: {:?}",
                &keys[keys.len().saturating_sub(12)..]
            );
        }
    }
}

/// A key that goes between the screens: the criteria, their answers, the
/// outcome screen and its entries, the "go to" list, the agenda, the
/// projector, help and the other overlays, and back.
fn screen_key(rng: &mut Rng) -> KeyEvent {
    const KEYS: &[KeyCode] = &[
        KeyCode::Char('n'),
        KeyCode::Char('p'),
        KeyCode::Char('r'),
        KeyCode::Char('r'),
        KeyCode::Char('g'),
        KeyCode::Char('a'),
        KeyCode::Char('t'),
        KeyCode::Char('b'),
        KeyCode::Char('c'),
        KeyCode::Char('h'),
        KeyCode::Char('o'),
        KeyCode::Char('?'),
        KeyCode::Char('1'),
        KeyCode::Char('2'),
        KeyCode::Char('3'),
        KeyCode::Char('4'),
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Esc,
        KeyCode::Esc,
    ];
    KeyEvent::new(KEYS[rng.below(KEYS.len())], KeyModifiers::NONE)
}

/// Going between the screens, where rows are kept from the frame on screen
/// (the criteria list and the labels when moving), shows frame after frame
/// what crossterm's bytes show, and every kept row is what drawing it
/// afresh gives (the screen checks, `screen/kept.rs`): in Dutch, and in
/// English on a framework of three perspectives and a five-point scale.
#[test]
fn going_between_screens_shows_what_crossterms_bytes_show() {
    for seed in 0..8 {
        let mut rng = Rng::new(0x5eed_0000 + seed);
        let mut app = if seed < 6 {
            app(&Default::default(), false)
        } else {
            let scan = zelfscan::storage::load_scan(
                &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/valid/scan-three-perspectives-five-point.toml"),
            )
            .expect("fixture")
            .value;
            opened(zelfscan::i18n::Lang::En, scan, false)
        };
        let (width, height) = [(80, 24), (120, 40)][usize::try_from(seed % 2).unwrap_or(0)];
        update(&mut app, Action::Resize(width, height));
        if seed >= 4 {
            app.theme = zelfscan::config::ThemeName::HighContrast;
        }
        let mut pair = Pair::new(width, height);
        let mut keys = Vec::new();
        for _ in 0..300 {
            for _ in 0..1 + rng.below(2) {
                let key = screen_key(&mut rng);
                keys.push(format!("{:?}", key.code));
                if let Some(action) = keymap::action_for(keymap::context(&app), key) {
                    let _ = update(&mut app, action);
                }
            }
            if let Err(difference) = pair.frame(&app) {
                panic!(
                    "seed {seed}: {difference}\nthe last keys: {:?}",
                    &keys[keys.len().saturating_sub(12)..]
                );
            }
        }
    }
}

#[test]
fn typing_anywhere_shows_what_crossterms_bytes_show_at_80x24() {
    for seed in 1..=3 {
        run(seed, 50, &[(80, 24)]);
    }
}

#[test]
fn typing_anywhere_shows_what_crossterms_bytes_show_at_120x40_and_on_resizes() {
    for seed in 100..=102 {
        run(seed, 50, &[(120, 40), (80, 24), (100, 30)]);
    }
}

/// Our screen and ratatui's terminal side by side, each on a terminal.
struct Pair {
    screen: Screen<Shared>,
    ours_out: Shared,
    ours: vt100::Parser,
    reference: Terminal<CrosstermBackend<Shared>>,
    theirs_out: Shared,
    theirs: vt100::Parser,
    size: (u16, u16),
    frames: usize,
}

impl Pair {
    fn new(width: u16, height: u16) -> Self {
        let ours_out = Shared::default();
        let mut backend = Fast::new(ours_out.clone());
        backend.resized(width, height);
        let theirs_out = Shared::default();
        Self {
            screen: {
                let mut screen = Screen::new(backend).expect("screen");
                // Every kept row is also drawn afresh and compared.
                screen.check_kept_rows(true);
                screen
            },
            ours_out,
            ours: parser(width, height),
            reference: reference(&theirs_out, width, height),
            theirs_out,
            theirs: parser(width, height),
            size: (width, height),
            frames: 0,
        }
    }

    /// The terminal was resized: ours keeps its cells (the screen clears
    /// it), ratatui's starts afresh.
    fn resize(&mut self, width: u16, height: u16) {
        let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        self.screen.resized(width, height);
        self.ours.screen_mut().set_size(size(height), size(width));
        self.theirs = parser(width, height);
        self.reference = reference(&self.theirs_out, width, height);
        self.size = (width, height);
    }

    /// Draws `app` on both; the difference, if the terminals show one.
    fn frame(&mut self, app: &App) -> Result<(), String> {
        self.draw_page(view::page(app), |frame| view::paint(frame, app))
    }

    /// Draws a frame with `render` (which says where the cursor goes) on
    /// both.
    fn draw(&mut self, render: impl Fn(&mut Frame) -> Option<Position>) -> Result<(), String> {
        self.draw_page(0, render)
    }

    /// [`Pair::draw`] for a frame of `page` (rows are taken from its last
    /// frame when it is opened again).
    fn draw_page(
        &mut self,
        page: u8,
        render: impl Fn(&mut Frame) -> Option<Position>,
    ) -> Result<(), String> {
        self.frames += 1;
        self.screen.draw_page(page, &render).expect("draw");
        self.reference
            .draw(|frame| {
                if let Some(position) = render(frame) {
                    frame.set_cursor_position(position);
                }
            })
            .expect("draw");
        let ours_bytes = self.ours_out.take();
        self.ours.process(&ours_bytes);
        self.theirs.process(&self.theirs_out.take());
        let (ours, theirs) = (shown(&self.ours), shown(&self.theirs));
        if ours == theirs {
            return Ok(());
        }
        let differences: Vec<String> = ours
            .iter()
            .zip(&theirs)
            .filter(|(ours, theirs)| ours != theirs)
            .take(8)
            .map(|(ours, theirs)| format!("  ours   {ours}\n  theirs {theirs}"))
            .collect();
        Err(format!(
            "frame {} at {:?}: the screens differ\n{}\nour bytes: {:?}\nours:\n{}\ntheirs:\n{}",
            self.frames,
            self.size,
            differences.join("\n"),
            String::from_utf8_lossy(&ours_bytes),
            self.ours.screen().contents(),
            self.theirs.screen().contents()
        ))
    }
}

fn press(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keymap::action_for(keymap::context(app), key) {
        let _ = update(app, action);
    }
}

/// The crash harness's rounds for one worker, without the kills: each round
/// opens the scan anew (a new screen), goes to a criterion and a note, types,
/// and ends; under load the keys of a round arrive in groups (`grouping`
/// picks how many a frame shows, up to `most`).
fn replay_crash_worker(seed: u64, worker: u64, rounds: usize, grouping: u64, most: usize) {
    let mut rng = Rng::new(seed.wrapping_add(worker.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
    let mut groups = Rng::new(grouping);
    let mut notes: [[String; 3]; 3] = Default::default();
    let mut recovered = false;
    for round in 0..rounds {
        let mut app = app(&notes, recovered);
        // The clocks on screen (the session, the criterion) at some moment.
        let later = jiff::SignedDuration::from_secs(groups.below(7_200) as i64);
        app.now = app.now.checked_add(later).unwrap_or(app.now);
        update(&mut app, Action::Resize(80, 24));
        let mut pair = Pair::new(80, 24);
        let mut keys: Vec<KeyCode> = Vec::new();
        let context = |keys: &[KeyCode]| {
            format!("seed {seed} worker {worker} grouping {grouping}, round {round}, keys {keys:?}")
        };
        let frame = |app: &App, keys: &[KeyCode], pair: &mut Pair| {
            if let Err(difference) = pair.frame(app) {
                panic!("{}: {difference}", context(keys));
            }
        };
        frame(&app, &keys, &mut pair);
        if recovered {
            press(&mut app, KeyCode::Enter);
            keys.push(KeyCode::Enter);
            frame(&app, &keys, &mut pair);
        }
        let criterion = rng.below(3);
        let field = rng.below(3);
        // Keys sent without waiting (Tab), or waited for one by one.
        let mut sent: Vec<(KeyCode, bool)> =
            (0..criterion).map(|_| (KeyCode::Char('n'), true)).collect();
        let tabs = [1, 3, 6][field];
        sent.extend((0..tabs).map(|index| (KeyCode::Tab, index == tabs - 1)));
        sent.push((KeyCode::Enter, true));
        let mut text = notes[criterion][field].clone();
        let mut states = vec![text.clone()];
        let strokes = 1 + rng.below(10);
        let burst = rng.below(4) == 0;
        for _ in 0..strokes {
            let stroke = random_stroke(&mut rng, &text);
            stroke.apply(&mut text);
            let code = match stroke {
                Stroke::Char(c) => KeyCode::Char(c),
                Stroke::Newline => KeyCode::Enter,
                Stroke::Backspace => KeyCode::Backspace,
            };
            states.push(text.clone());
            sent.push((code, !burst));
        }
        // The ending, drawing from the generator as the harness does: every
        // hundredth round waits for the autosave after Esc (and a pause),
        // else: kill now (twice as likely), Esc, Ctrl-S, Ctrl-S and a pause.
        if round % 100 == 99 {
            let _ = rng.below(300);
            sent.push((KeyCode::Esc, true));
        } else {
            match rng.below(5) {
                2 => sent.push((KeyCode::Esc, true)),
                4 => {
                    let _ = rng.below(20_000);
                }
                _ => {}
            }
        }
        // Frames: after a key waited for; otherwise after a group of keys.
        let mut pending = 0;
        let mut group = 1 + groups.below(most);
        for (code, waited) in sent {
            press(&mut app, code);
            keys.push(code);
            pending += 1;
            if waited || pending >= group {
                frame(&app, &keys, &mut pair);
                pending = 0;
                group = 1 + groups.below(most);
            }
        }
        if pending > 0 {
            frame(&app, &keys, &mut pair);
        }
        // Keys still in flight at a kill may be lost (in a burst); a save
        // may or may not have happened.
        notes[criterion][field] = if burst && groups.below(3) == 0 {
            states[groups.below(states.len())].clone()
        } else {
            text
        };
        recovered = groups.below(2) == 0;
    }
}

#[test]
fn the_crash_harness_typing_shows_what_crossterms_bytes_show() {
    replay_crash_worker(8_819_574_632_553_341_294, 2, 20, 1, 5);
}

/// Many more: `FRAMES_SHOWN_SEEDS=<n> cargo test --release --test
/// frames_shown -- --ignored`.
#[test]
#[ignore = "long: many seeds"]
fn the_crash_harness_typing_many_seeds() {
    let seeds: u64 = std::env::var("FRAMES_SHOWN_SEEDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(50);
    let first: u64 = std::env::var("FRAMES_SHOWN_FIRST")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(1);
    for seed in first..first + seeds {
        replay_crash_worker(
            seed.wrapping_mul(0x2545_f491_4f6c_dd1d),
            seed % 3,
            150,
            seed,
            5,
        );
    }
}

/// A frame like the app's: each row between borders in the first and last
/// column (the last column is where a terminal's cursor waits to wrap),
/// with a text at some column in one of a few styles: blank runs long and
/// short, on the terminal's background and on others, wide symbols,
/// accents. No emoji with VS16: vt100 widens its cell when the selector
/// comes, after the cursor moved on, so even crossterm's bytes put the next
/// cells a column off there (and ours differently).
fn bordered(area: Rect, texts: &[(String, u8, u16)]) -> Buffer {
    let styles = [
        Style::new(),
        Style::new().fg(Color::Red),
        Style::new().bg(Color::Blue),
        Style::new().add_modifier(Modifier::REVERSED),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ];
    let mut buffer = Buffer::empty(area);
    let inner = area.width - 2;
    for (row, (text, style, x)) in (0..area.height).zip(texts) {
        let x = x % inner;
        let style = styles[usize::from(*style) % styles.len()];
        buffer.set_stringn(1 + x, row, text, usize::from(inner - x), style);
        buffer.set_string(0, row, "│", Style::new());
        buffer.set_string(area.width - 1, row, "│", Style::new());
    }
    buffer
}

fn bordered_texts() -> impl proptest::strategy::Strategy<Value = Vec<(String, u8, u16)>> {
    let text = proptest::string::string_regex(
        "([a-c]{0,4}| {0,20})(é|€|中|─|e\u{301}| {16,30})?[a-c ]{0,8}",
    )
    .unwrap_or_else(|_| unreachable!());
    proptest::collection::vec((text, 0_u8..5, 0_u16..40), 1..6)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Frame after frame on one screen, with the cursor here or there.
    #[test]
    fn frames_after_frames_show_what_crossterms_bytes_show(
        frames in proptest::collection::vec((bordered_texts(), proptest::option::of(0_u16..200)), 2..6),
    ) {
        let area = Rect::new(0, 0, 42, 5);
        let mut pair = Pair::new(area.width, area.height);
        for (texts, cursor) in frames {
            let buffer = bordered(area, &texts);
            let result = pair.draw(|frame| {
                frame.buffer_mut().content.clone_from(&buffer.content);
                cursor.map(|at| Position::new(at % area.width, at / area.width % area.height))
            });
            proptest::prop_assert!(result.is_ok(), "{}", result.err().unwrap_or_default());
        }
    }
}
