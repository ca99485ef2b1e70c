//! Where the driver's events come from: one thread reads the terminal and
//! (on Unix) one thread waits for SIGHUP, SIGTERM, SIGINT and SIGQUIT; both
//! feed one channel that the event loop blocks on. A signal is thereby an
//! event like a key: the loop handles it between two updates, so no edit can
//! be drawn after the checkpoint it makes, and nothing else runs beside it.
//! Elsewhere only the terminal thread runs (Ctrl-C is a key in raw mode there
//! too), and the loop works the same.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use ratatui::crossterm::event::{self, Event};

/// One thing the event loop is told.
#[derive(Debug)]
pub enum Incoming {
    /// A key, paste, click or resize from the terminal.
    Terminal(Event),
    /// A signal asking the program to end (its number), e.g. a closed window.
    Signal(i32),
    /// The terminal can no longer be read.
    Failed(io::Error),
}

/// The channel both threads write to, and what stops the signal thread.
pub struct Events {
    receiver: Receiver<Incoming>,
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Handle>,
}

impl Events {
    /// Starts listening: signals first, so none is missed once the terminal
    /// is in full-screen mode.
    pub fn start() -> Self {
        let (sender, receiver) = mpsc::channel();
        #[cfg(unix)]
        let signals = watch_signals(sender.clone());
        read_terminal(sender);
        Self {
            receiver,
            #[cfg(unix)]
            signals,
        }
    }

    /// Waits for the next event, until `deadline` if there is one (then
    /// `None` when it passed); without a deadline it blocks, so an idle
    /// zelfscan uses no CPU.
    pub fn next(&self, deadline: Option<Instant>) -> Option<Incoming> {
        let closed = || Incoming::Failed(io::Error::from(io::ErrorKind::BrokenPipe));
        match deadline {
            None => Some(self.receiver.recv().unwrap_or_else(|_| closed())),
            Some(deadline) => {
                let wait = deadline.saturating_duration_since(Instant::now());
                match self.receiver.recv_timeout(wait) {
                    Ok(incoming) => Some(incoming),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => Some(closed()),
                }
            }
        }
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        // Ends the signal thread. The terminal thread stays blocked in its
        // read until the process ends; what it reads then goes nowhere.
        #[cfg(unix)]
        if let Some(handle) = &self.signals {
            handle.close();
        }
    }
}

/// Forwards every terminal event; stops when the loop is gone or the
/// terminal cannot be read.
fn read_terminal(sender: Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            let incoming = match event::read() {
                Ok(event) => Incoming::Terminal(event),
                Err(error) => {
                    let _ = sender.send(Incoming::Failed(error));
                    return;
                }
            };
            if sender.send(incoming).is_err() {
                return;
            }
        }
    });
}

/// Forwards the signals that mean "end now". Without them (they could not be
/// registered) the defaults stay, and the journal still holds every edit.
#[cfg(unix)]
fn watch_signals(sender: Sender<Incoming>) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(Incoming::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Some(handle)
}
