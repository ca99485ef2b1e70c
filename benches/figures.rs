//! The figures of issue 10 that need the real binary: open to first frame
//! and key to frame, each against a bare ratatui app measured in the same
//! run, interleaved (the bare app is this benchmark binary itself, started
//! with `ZELFSCAN_BENCH_BARE=1`: a blocking loop that draws a frame and
//! echoes a key); peak memory at 2,000 criteria; key to frame at 20,000;
//! `zelfscan check` on 1,000 files; and wake-ups while idle with a scan open.
//! Everything runs in a pseudo-terminal, as a person would use it.
//!
//! `cargo bench --bench figures` (about two minutes; `-- --no-idle` skips
//! the 60-second idle count; `-- open`, `-- key`, `-- large`, `-- many` or
//! `-- idle` runs only those figures). Figures, not pass/fail: see
//! BENCHMARKS.md.

mod support;
#[path = "../tests/support/whole_characters.rs"]
mod whole_characters;

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");
const BARE_ENV: &str = "ZELFSCAN_BENCH_BARE";
const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Rounds of each interleaved comparison.
const ROUNDS: usize = 25;
const TIMEOUT: Duration = Duration::from_secs(60);

fn main() {
    if std::env::var_os(BARE_ENV).is_some() {
        bare_app().expect("bare app");
        return;
    }
    // `cargo bench` passes `--bench`; a filter or `--no-idle` may follow.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let idle = !args.iter().any(|arg| arg == "--no-idle");
    // A filter (`open`, `key`, `large`, `many`, `idle`) runs only the
    // figures whose name holds it.
    let filter = args.iter().find(|arg| !arg.starts_with("--"));
    let wanted = |name: &str| filter.is_none_or(|filter| name.contains(filter.as_str()));
    let files = tempfile::tempdir().expect("temp dir");
    let dir = files.path();
    write_files(dir);
    println!("figures: {COLS}x{ROWS} pseudo-terminal, {ROUNDS} interleaved rounds, medians");
    if wanted("open") {
        open_to_first_frame(dir);
    }
    if wanted("key") {
        key_to_frame(dir);
    }
    if wanted("large") {
        large_scans(dir);
    }
    if wanted("many") {
        many_scans(dir);
    }
    if idle && wanted("idle") {
        idle_wake_ups(dir);
    }
}

// ------------------------------------------------------------------ the bare app

/// The yardstick: ratatui's own shape of an app, and nothing else.
fn bare_app() -> std::io::Result<()> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
    use ratatui::widgets::Paragraph;
    let mut terminal = ratatui::init();
    let mut keys = 0_u32;
    let mut last = String::new();
    loop {
        terminal.draw(|frame| {
            frame.render_widget(
                Paragraph::new(format!("bare ready · keys {keys} · {last}")),
                frame.area(),
            );
        })?;
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            if key.code == KeyCode::Esc {
                break;
            }
            keys += 1;
            last = format!("{:?}", key.code);
        }
    }
    ratatui::restore();
    Ok(())
}

// ------------------------------------------------------------------ a pty with timing

/// The screen, and when the last output that changed it arrived.
struct Screen {
    parser: vt100::Parser,
    updated: Instant,
}

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<(Mutex<Screen>, Condvar)>,
    _master: Box<dyn MasterPty + Send>,
}

impl Pty {
    fn spawn(program: &OsStr, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        for (key, value) in env {
            command.env(key, value);
        }
        let screen = Arc::new((
            Mutex::new(Screen {
                parser: vt100::Parser::new(
                    std::num::NonZeroU16::new(ROWS).expect("rows"),
                    std::num::NonZeroU16::new(COLS).expect("cols"),
                    0,
                ),
                updated: Instant::now(),
            }),
            Condvar::new(),
        ));
        let child = pair.slave.spawn_command(command).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let fed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0_u8; 65536];
            // The start of a character a read cut off, held until the rest
            // comes (vt100 loses a character otherwise, see `whole_characters`).
            let mut held = Vec::new();
            while let Ok(count @ 1..) = reader.read(&mut buffer) {
                let at = Instant::now();
                let (lock, changed) = &*fed;
                let Ok(mut screen) = lock.lock() else { break };
                held.extend_from_slice(&buffer[..count]);
                let whole = held.len() - whole_characters::cut_off_character(&held);
                screen.parser.process(&held[..whole]);
                held.drain(..whole);
                screen.updated = at;
                changed.notify_all();
            }
        });
        Pty {
            child,
            writer,
            screen,
            _master: pair.master,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen shows `text`; returns when the output that
    /// showed it arrived.
    fn wait_for(&self, text: &str) -> Instant {
        self.wait(|contents| contents.contains(text), text)
    }

    fn wait(&self, done: impl Fn(&str) -> bool, what: &str) -> Instant {
        let deadline = Instant::now() + TIMEOUT;
        let (lock, changed) = &*self.screen;
        let mut screen = lock.lock().expect("screen");
        loop {
            if done(&screen.parser.screen().contents()) {
                return screen.updated;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what:?}:\n{}",
                screen.parser.screen().contents()
            );
            screen = changed.wait_timeout(screen, left).expect("screen").0;
        }
    }

    /// What the screen shows now.
    fn contents(&self) -> String {
        let (lock, _) = &*self.screen;
        lock.lock().expect("screen").parser.screen().contents()
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bare() -> Pty {
    let me = std::env::current_exe().expect("own path");
    Pty::spawn(me.as_os_str(), &[], &[(BARE_ENV, OsStr::new("1"))])
}

/// `zelfscan open` on a fresh copy of `scan` in a fresh home (no lock,
/// journal or owner file left by an earlier round).
fn zelfscan(scan: &Path) -> (Pty, tempfile::TempDir) {
    let home = tempfile::tempdir().expect("home");
    let copy = home.path().join("scan.toml");
    std::fs::copy(scan, &copy).expect("copy");
    let pty = Pty::spawn(
        OsStr::new(BIN),
        &[OsStr::new("open"), copy.as_os_str()],
        &[
            ("ZELFSCAN_HOME", home.path().as_os_str()),
            ("ZELFSCAN_LANG", OsStr::new("nl")),
        ],
    );
    (pty, home)
}

// ------------------------------------------------------------------ figures

fn write_files(dir: &Path) {
    for size in [22, 2_000, 20_000] {
        zelfscan::storage::save_scan(
            &dir.join(format!("scan-{size}.toml")),
            &support::scan_of(size),
        )
        .expect("save");
    }
    let mut scan = support::scan_of(22);
    scan.answers[0].perspectives[0].note = support::megabyte_note();
    zelfscan::storage::save_scan(&dir.join("note-1mb.toml"), &scan).expect("save");
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn ratio(value: Duration, bare: Duration) -> String {
    format!("{:.2}x", value.as_secs_f64() / bare.as_secs_f64())
}

/// The first frame of the walkthrough shows the first criterion's title.
const FIRST_CRITERION: &str = "VIS-1 · ";

fn open_to_first_frame(dir: &Path) {
    let (mut bare_times, mut scan_times, mut note_times) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let pty = bare();
        bare_times.push(pty.wait_for("bare ready").duration_since(start));
        drop(pty);
        for (file, times) in [
            ("scan-22.toml", &mut scan_times),
            ("note-1mb.toml", &mut note_times),
        ] {
            let home = tempfile::tempdir().expect("home");
            let copy = home.path().join("scan.toml");
            std::fs::copy(dir.join(file), &copy).expect("copy");
            let start = Instant::now();
            let pty = Pty::spawn(
                OsStr::new(BIN),
                &[OsStr::new("open"), copy.as_os_str()],
                &[
                    ("ZELFSCAN_HOME", home.path().as_os_str()),
                    ("ZELFSCAN_LANG", OsStr::new("nl")),
                ],
            );
            times.push(pty.wait_for(FIRST_CRITERION).duration_since(start));
        }
    }
    let bare = median(bare_times);
    let scan = median(scan_times);
    let note = median(note_times);
    println!("open to first frame: bare app {}", ms(bare));
    println!(
        "open to first frame: bundled framework's scan {} = {} (target ≤ 1.5x)",
        ms(scan),
        ratio(scan, bare)
    );
    println!(
        "open to first frame: with a 1 MB note {} = {} (target ≤ 2x)",
        ms(note),
        ratio(note, bare)
    );
}

/// Sends `key` and waits for `shown`; the time from sending to the frame.
fn key_time(pty: &mut Pty, key: &[u8], shown: &dyn Fn(&str) -> bool, what: &str) -> Duration {
    let start = Instant::now();
    pty.send(key);
    pty.wait(shown, what).saturating_duration_since(start)
}

/// Opens the outcome screen from the walkthrough and goes back; the time
/// of opening it (going back is not counted).
fn outcome_and_back(pty: &mut Pty) -> Duration {
    let opened = key_time(
        pty,
        b"r",
        &|s: &str| s.contains("Overzicht en oordeel"),
        "outcome",
    );
    key_time(pty, b"r", &|s: &str| s.contains(FIRST_CRITERION), "back");
    opened
}

fn key_to_frame(dir: &Path) {
    const KEYS: usize = 100;
    // Fewer when typing: the typed run must stay on one row of the note
    // (the figure waits for its last twelve letters to show).
    const TYPED: usize = 40;
    const WARM_UP: usize = 12;
    let mut bare_pty = bare();
    bare_pty.wait_for("bare ready");
    let mut bare_keys = 0;
    let mut bare_key = |times: &mut Vec<Duration>| {
        bare_keys += 1;
        let marker = format!("keys {bare_keys} ");
        times.push(key_time(
            &mut bare_pty,
            b"x",
            &|screen: &str| screen.contains(&marker),
            "bare echo",
        ));
    };

    // Typing in a note: Tab to the first note, Enter to type at its end.
    let typing = |file: &str,
                  bare_times: &mut Vec<Duration>,
                  bare_key: &mut dyn FnMut(&mut Vec<Duration>)| {
        let (mut pty, _home) = zelfscan(&dir.join(file));
        pty.wait_for(FIRST_CRITERION);
        pty.send(b"\t\r");
        pty.wait_for("Esc klaar");
        let mut times = Vec::new();
        let mut typed = String::new();
        // Letters no twelve of which repeat (a fixed pseudo-random walk), so
        // each key's last twelve letters are new on the screen; the first
        // twelve keys are not timed (a shorter tail may already be there).
        let mut state: u32 = 0x2545_f491;
        for index in 0..WARM_UP + TYPED {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let c = char::from(b'a' + ((state >> 24) % 26) as u8);
            typed.push(c);
            let tail: String = typed
                .chars()
                .rev()
                .take(WARM_UP)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let mut buffer = [0_u8; 4];
            let time = key_time(
                &mut pty,
                c.encode_utf8(&mut buffer).as_bytes(),
                &|screen: &str| screen.contains(&tail),
                "typed text",
            );
            if index >= WARM_UP {
                times.push(time);
                bare_key(bare_times);
            }
        }
        times
    };
    let (mut bare_typing, mut bare_note) = (Vec::new(), Vec::new());
    let note = typing("scan-22.toml", &mut bare_typing, &mut bare_key);
    let big_note = typing("note-1mb.toml", &mut bare_note, &mut bare_key);

    // Moving between criteria and opening the outcome screen.
    let (mut pty, _home) = zelfscan(&dir.join("scan-22.toml"));
    pty.wait_for(FIRST_CRITERION);
    let (mut moving, mut outcome, mut bare_moving, mut bare_outcome) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..KEYS / 2 {
        bare_key(&mut bare_moving);
        moving.push(key_time(
            &mut pty,
            b"n",
            &|s: &str| s.contains("VIS-2 · "),
            "VIS-2",
        ));
        bare_key(&mut bare_moving);
        moving.push(key_time(
            &mut pty,
            b"p",
            &|s: &str| s.contains(FIRST_CRITERION),
            "VIS-1",
        ));
        bare_key(&mut bare_outcome);
        outcome.push(outcome_and_back(&mut pty));
    }
    // The outcome screen the first time after an edit (its rows are made
    // anew; above, nothing changes between two openings and they are kept):
    // a score changed on the first criterion (not counted), then the
    // outcome screen.
    let (mut outcome_edited, mut bare_outcome_edited) = (Vec::new(), Vec::new());
    for round in 0..KEYS / 2 {
        let before = pty.contents();
        pty.send(if round % 2 == 0 { b"2" } else { b"3" });
        pty.wait(|s: &str| s != before, "the edit");
        bare_key(&mut bare_outcome_edited);
        outcome_edited.push(outcome_and_back(&mut pty));
    }
    for (name, times, bare, target) in [
        ("typing in a note", note, bare_typing, "1.5x"),
        ("moving between criteria", moving, bare_moving, "1.5x"),
        ("opening the outcome screen", outcome, bare_outcome, "1.5x"),
        (
            "opening the outcome screen after an edit",
            outcome_edited,
            bare_outcome_edited,
            "1.5x",
        ),
        ("typing in a 1 MB note", big_note, bare_note, "2x"),
    ] {
        let (value, bare) = (median(times), median(bare));
        println!(
            "key to frame: {name} {} vs bare app {} = {} (target ≤ {target})",
            ms(value),
            ms(bare),
            ratio(value, bare)
        );
    }
}

/// Peak memory of the process, from /proc (Linux).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}

fn large_scans(dir: &Path) {
    for size in [2_000, 20_000] {
        let (mut pty, _home) = zelfscan(&dir.join(format!("scan-{size}.toml")));
        pty.wait_for(FIRST_CRITERION);
        let mut times = Vec::new();
        for _ in 0..10 {
            times.push(key_time(
                &mut pty,
                b"n",
                &|s: &str| s.contains("VIS-2 · "),
                "VIS-2",
            ));
            times.push(key_time(
                &mut pty,
                b"p",
                &|s: &str| s.contains(FIRST_CRITERION),
                "VIS-1",
            ));
        }
        let megabytes = |kb: Option<u64>| {
            kb.map_or_else(|| "?".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0))
        };
        let rss = megabytes(peak_rss_kb(pty.pid()));
        // The outcome screen too, and back: what a facilitator also does.
        outcome_and_back(&mut pty);
        let with_outcome = megabytes(peak_rss_kb(pty.pid()));
        println!(
            "{size} criteria: peak RSS after opening and moving {rss}, after the outcome screen too {with_outcome} (target at 2,000: ≤ 15 MB); key to frame (next criterion) {} (target at 20,000: ≤ 16 ms)",
            ms(median(times))
        );
    }
}

fn many_scans(dir: &Path) {
    let many = dir.join("many");
    std::fs::create_dir_all(&many).expect("folder");
    let mut scan = support::scan_of(22);
    let mut paths: Vec<PathBuf> = Vec::new();
    for index in 0..1_000 {
        scan.meta.region = format!("Regio {index:04}");
        let path = many.join(format!("scan-{index:04}.toml"));
        std::fs::write(&path, zelfscan::storage::scan_to_toml(&scan)).expect("write");
        paths.push(path);
    }
    let mut in_process = Vec::new();
    let mut command = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let results = zelfscan::storage::load_many_with(&paths, |loaded| {
            zelfscan::model::evaluate(&loaded.value).verdict()
        });
        assert!(results.iter().all(Result::is_ok));
        in_process.push(start.elapsed());
        let start = Instant::now();
        let output = std::process::Command::new(BIN)
            .arg("check")
            .args(&paths)
            .env("ZELFSCAN_LANG", "nl")
            .output()
            .expect("check");
        assert!(output.status.success());
        command.push(start.elapsed());
    }
    println!(
        "1,000 scans: load_many_with + evaluate {} (target ≤ 200 ms, {} threads); `zelfscan check` on them {}",
        ms(median(in_process)),
        rayon::current_num_threads(),
        ms(median(command))
    );
}

/// Context switches of every thread of `pid`: each one is the process
/// waking up (voluntary) or being pushed off a core (involuntary).
fn wake_ups(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter_map(|line| line.strip_prefix("voluntary_ctxt_switches:"))
                .filter_map(|value| value.trim().parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

fn idle_wake_ups(dir: &Path) {
    let (pty, _home) = zelfscan(&dir.join("scan-22.toml"));
    pty.wait_for(FIRST_CRITERION);
    // Let the first frame's follow-up writes finish.
    std::thread::sleep(Duration::from_secs(2));
    let before = wake_ups(pty.pid());
    let window = Duration::from_secs(60);
    std::thread::sleep(window);
    let after = wake_ups(pty.pid());
    println!(
        "idle with a scan open: {} wake-ups in {} s (target ≤ 1 per minute, plus the minute's redraw)",
        after - before,
        window.as_secs()
    );
}
