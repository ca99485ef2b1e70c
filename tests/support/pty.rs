//! A small harness that runs the real binary in a pseudo-terminal and reads
//! its screen through a `vt100` parser, so a test can type as a person would
//! and wait for what the screen shows. Every wait polls with a timeout; there
//! are no fixed sleeps, so a fast machine runs the tests fast and a slow one
//! only waits longer.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub use super::whole_characters::cut_off_character;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen before it gives up.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(10);

/// A key that is not a plain character, as the terminal sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    Tab,
    BackTab,
    Esc,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageDown,
    PageUp,
    /// Ctrl plus a letter, e.g. `Ctrl('s')`.
    Ctrl(char),
}

impl Key {
    /// The bytes an xterm sends for this key (normal cursor-key mode).
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Key::Enter => b"\r".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::Ctrl(letter) => {
                assert!(
                    letter.is_ascii_alphabetic(),
                    "Ctrl needs a letter, got {letter:?}"
                );
                vec![(letter.to_ascii_lowercase() as u8) & 0x1f]
            }
        }
    }
}

/// The binary running in a pseudo-terminal. The child is killed when this is
/// dropped, so a failing test leaves no process behind.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    // Kept so the pty stays open for as long as the session lives.
    master: Box<dyn MasterPty + Send>,
    exit: Option<ExitStatus>,
    /// Every byte the program wrote, unparsed: to look for escape sequences
    /// (terminal restored, nothing hostile passed through).
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set once the reader has seen the end of the output.
    ended: Arc<AtomicBool>,
}

impl Session {
    /// Starts `program` with `args` and extra `env` in a `cols`×`rows` terminal.
    /// `TERM` is set to `xterm-256color` unless `env` says otherwise.
    pub fn spawn<S: AsRef<OsStr>>(
        program: impl AsRef<OsStr>,
        args: &[S],
        env: &[(&str, &OsStr)],
        cols: u16,
        rows: u16,
    ) -> Result<Self, String> {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|error| format!("openpty: {error}"))?;
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        // Colour or not must not change what the tests read.
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        if let Ok(dir) = std::env::current_dir() {
            command.cwd(dir);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .map_err(|error| format!("spawn: {error}"))?;
        // Only the child may hold the slave side, so the reader sees the end
        // of output once the child exits.
        drop(pair.slave);
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|error| format!("reader: {error}"))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|error| format!("writer: {error}"))?;
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(rows)?,
            non_zero(cols)?,
            0,
        )));
        let fed = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_fed = Arc::clone(&raw);
        let ended = Arc::new(AtomicBool::new(false));
        let ended_fed = Arc::clone(&ended);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            // The start of a character a read cut off, held until the rest comes.
            let mut held = Vec::new();
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(count) => {
                        if let Ok(mut raw) = raw_fed.lock() {
                            raw.extend_from_slice(&buffer[..count]);
                        }
                        held.extend_from_slice(&buffer[..count]);
                        let whole = held.len() - cut_off_character(&held);
                        match fed.lock() {
                            Ok(mut parser) => parser.process(&held[..whole]),
                            Err(_) => break,
                        }
                        held.drain(..whole);
                    }
                }
            }
            ended_fed.store(true, Ordering::SeqCst);
        });
        Ok(Self {
            child,
            writer,
            parser,
            master: pair.master,
            exit: None,
            raw,
            ended,
        })
    }

    /// Types text as-is (UTF-8). Use [`Key`] for keys that are not characters.
    pub fn send(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    pub fn send_key(&mut self, key: Key) {
        self.send_bytes(&key.bytes());
    }

    fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Changes the terminal size, as a person dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) -> Result<(), String> {
        if let Ok(mut parser) = self.parser.lock() {
            parser.set_size(non_zero(rows)?, non_zero(cols)?);
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|error| format!("resize: {error}"))
    }

    /// The text on the screen now, row by row.
    pub fn screen(&self) -> String {
        self.parser
            .lock()
            .map(|parser| parser.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `text` and returns the screen; on timeout
    /// the error holds the last screen, to see what went wrong.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(timeout, |screen| screen.contains(text))
            .map_err(|screen| {
                format!("waited {timeout:?} for {text:?}; the screen shows:\n{screen}")
            })
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_for_absent(&self, text: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(timeout, |screen| !screen.contains(text))
            .map_err(|screen| {
                format!("waited {timeout:?} for {text:?} to go; the screen shows:\n{screen}")
            })
    }

    fn wait_until(&self, timeout: Duration, done: impl Fn(&str) -> bool) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return Ok(screen);
            }
            if Instant::now() >= deadline {
                return Err(screen);
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the child to exit and returns its status.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    self.exit = Some(status.clone());
                    // The output the child wrote before it ended may still be
                    // on its way to the reader: wait for the end of it.
                    while !self.ended.load(Ordering::SeqCst) && Instant::now() < deadline {
                        thread::sleep(POLL);
                    }
                    return Ok(status);
                }
                Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
                Ok(None) => {
                    return Err(format!(
                        "still running after {timeout:?}; the screen shows:\n{}",
                        self.screen()
                    ));
                }
                Err(error) => return Err(format!("waiting for the child: {error}")),
            }
        }
    }
}

impl Session {
    /// Sends bytes as-is, e.g. a key's [`Key::bytes`] or a whole burst of keys.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.send_bytes(bytes);
    }

    /// The process id of the program, to send it signals.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends a signal with the `kill` command (`"KILL"`, `"HUP"`, `"TERM"`…).
    /// Not `Child::kill`: portable-pty sends SIGHUP there, never SIGKILL.
    #[cfg(unix)]
    pub fn signal(&self, name: &str) -> Result<(), String> {
        let pid = self.pid().ok_or("the child has no pid")?;
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .map_err(|error| format!("run kill: {error}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("kill -{name} {pid} failed: {status}"))
        }
    }

    /// Every byte the program has written so far, unparsed.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().map(|raw| raw.clone()).unwrap_or_default()
    }

    /// How many bytes the program has written so far; with
    /// [`Session::raw_output`], to look only at what came after a moment.
    pub fn raw_len(&self) -> usize {
        self.raw.lock().map(|raw| raw.len()).unwrap_or_default()
    }

    /// Waits until `done` holds for the parsed screen (cells, cursor), looking
    /// every `poll`; on timeout the error holds the last screen.
    pub fn wait_screen(
        &self,
        timeout: Duration,
        poll: Duration,
        mut done: impl FnMut(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let finished = self
                .parser
                .lock()
                .map(|parser| done(parser.screen()))
                .unwrap_or(false);
            if finished {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(self.screen());
            }
            thread::sleep(poll);
        }
    }

    /// Runs `look` on the parsed screen as it is now.
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> Option<T> {
        self.parser.lock().ok().map(|parser| look(parser.screen()))
    }

    /// Whether the program has ended (and records its status if so).
    pub fn has_exited(&mut self) -> bool {
        if self.exit.is_some() {
            return true;
        }
        match self.child.try_wait() {
            Ok(Some(status)) => {
                self.exit = Some(status);
                true
            }
            _ => false,
        }
    }
}

fn non_zero(cells: u16) -> Result<NonZeroU16, String> {
    NonZeroU16::new(cells).ok_or_else(|| "a terminal needs at least one row and column".to_string())
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
