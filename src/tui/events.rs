//! Where the driver's events come from: the terminal and (on Unix) the
//! signals SIGHUP, SIGTERM, SIGINT and SIGQUIT, read on the event loop's own
//! thread. A signal is thereby an event like a key: the loop handles it
//! between two updates, so no edit can be drawn after the checkpoint it
//! makes, and nothing else runs beside it.
//!
//! Reading on the loop's thread, rather than on a thread of its own that
//! hands each key over, saves a wake-up of a second thread per key (often on
//! the other core), which a bare ratatui loop never pays (BENCHMARKS.md,
//! sixth pass). On Unix one
//! `poll` waits for the terminal and for the signals' self-pipe at once, and
//! crossterm parses the keys only once the terminal has bytes. Elsewhere
//! crossterm waits for the terminal itself (Ctrl-C is a key in raw mode
//! there too), and the loop works the same.

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

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

/// The terminal and the signals, and what has arrived but was not yet asked for.
pub struct Events {
    arrived: VecDeque<Incoming>,
    #[cfg(unix)]
    waiting: unix::Waiting,
}

impl Events {
    /// Starts listening: signals first, so none is missed once the terminal
    /// is in full-screen mode. Without a way to wait for both (no `poll`, or
    /// the signals could not be registered), the error is returned and the
    /// caller gives the terminal back.
    pub fn start() -> io::Result<Self> {
        let mut events = Self {
            arrived: VecDeque::new(),
            #[cfg(unix)]
            waiting: unix::Waiting::start()?,
        };
        // crossterm sets up its own reader (and its own watch for resizes)
        // on first use: before the first resize can come, so none is lost.
        events.take_terminal_events();
        Ok(events)
    }

    /// Waits for the next event, until `deadline` if there is one (then
    /// `None` when nothing came); without a deadline it blocks, so an idle
    /// zelfscan uses no CPU.
    pub fn next(&mut self, deadline: Option<Instant>) -> Option<Incoming> {
        loop {
            if let Some(incoming) = self.arrived.pop_front() {
                return Some(incoming);
            }
            let timeout = deadline.map(|at| at.saturating_duration_since(Instant::now()));
            if !self.wait(timeout) {
                return None;
            }
        }
    }

    /// Waits until something arrives or `timeout` passes (then `false`).
    #[cfg(unix)]
    fn wait(&mut self, timeout: Option<Duration>) -> bool {
        let ready = match self.waiting.wait(timeout) {
            Ok(ready) => ready,
            Err(error) => {
                self.arrived.push_back(Incoming::Failed(error));
                return true;
            }
        };
        // A signal goes before any key read with it: the keys were not shown.
        self.arrived
            .extend(ready.signals.iter().copied().map(Incoming::Signal));
        if ready.hung_up {
            // The window was closed: as SIGHUP says (it may come a moment
            // later). A closed terminal reads as empty for ever, which
            // crossterm would read again and again, so it is not asked.
            if !ready.signals.contains(&unix::HANG_UP) {
                self.arrived.push_back(Incoming::Signal(unix::HANG_UP));
            }
        } else if ready.terminal {
            self.take_terminal_events();
        }
        ready.any()
    }

    #[cfg(not(unix))]
    fn wait(&mut self, timeout: Option<Duration>) -> bool {
        // Without a deadline, blocks in `read` (never spins on `poll`).
        let first = match timeout.map_or(Ok(true), event::poll) {
            Ok(false) => return false,
            Ok(true) => event::read(),
            Err(error) => Err(error),
        };
        match first {
            Ok(event) => self.arrived.push_back(Incoming::Terminal(event)),
            Err(error) => {
                self.arrived.push_back(Incoming::Failed(error));
                return true;
            }
        }
        self.take_terminal_events();
        true
    }

    /// Takes every event crossterm can parse from what the terminal sent;
    /// stops at the first that is not complete yet.
    fn take_terminal_events(&mut self) {
        loop {
            let incoming = match event::poll(Duration::ZERO).and_then(|ready| {
                if ready {
                    event::read().map(Some)
                } else {
                    Ok(None)
                }
            }) {
                Ok(Some(event)) => Incoming::Terminal(event),
                Ok(None) => return,
                Err(error) => Incoming::Failed(error),
            };
            let failed = matches!(incoming, Incoming::Failed(_));
            self.arrived.push_back(incoming);
            if failed {
                return;
            }
        }
    }
}

#[cfg(unix)]
mod unix {
    //! One `poll` for the terminal and the signals' self-pipe.

    use std::io::{self, IsTerminal};
    use std::os::fd::{AsRawFd, OwnedFd};
    use std::time::Duration;

    use mio::unix::SourceFd;
    use mio::{Interest, Poll, Token};
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    use signal_hook::iterator::backend::SignalDelivery;
    use signal_hook::iterator::exfiltrator::SignalOnly;

    /// What a closed terminal means.
    pub const HANG_UP: i32 = SIGHUP;

    const TERMINAL: Token = Token(0);
    const SIGNALS: Token = Token(1);

    /// What one wait brought.
    #[derive(Default)]
    pub struct Ready {
        /// The signals that ask zelfscan to end.
        pub signals: Vec<i32>,
        /// The terminal has bytes, or was resized.
        pub terminal: bool,
        /// The terminal is gone (its window was closed).
        pub hung_up: bool,
    }

    impl Ready {
        pub fn any(&self) -> bool {
            !self.signals.is_empty() || self.terminal || self.hung_up
        }
    }

    pub struct Waiting {
        poll: Poll,
        readiness: mio::Events,
        signals: SignalDelivery<mio::net::UnixStream, SignalOnly>,
        /// `/dev/tty` when standard input is not the terminal (as crossterm
        /// reads it then); kept open while it is watched.
        _terminal: Option<OwnedFd>,
    }

    impl Waiting {
        pub fn start() -> io::Result<Self> {
            let poll = Poll::new()?;
            let (read, write) = mio::net::UnixStream::pair()?;
            // SIGWINCH too: crossterm learns of a resize from its own
            // self-pipe, which this `poll` does not watch.
            let mut signals = SignalDelivery::with_pipe(
                read,
                write,
                SignalOnly,
                [SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGWINCH],
            )?;
            poll.registry()
                .register(signals.get_read_mut(), SIGNALS, Interest::READABLE)?;
            let terminal = if io::stdin().is_terminal() {
                None
            } else {
                Some(OwnedFd::from(std::fs::File::open("/dev/tty")?))
            };
            let fd = terminal
                .as_ref()
                .map_or(io::stdin().as_raw_fd(), AsRawFd::as_raw_fd);
            poll.registry()
                .register(&mut SourceFd(&fd), TERMINAL, Interest::READABLE)?;
            Ok(Self {
                poll,
                readiness: mio::Events::with_capacity(4),
                signals,
                _terminal: terminal,
            })
        }

        /// Blocks until the terminal or a signal has something, or `timeout`
        /// passes (then nothing is ready).
        pub fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Ready> {
            // Interrupted, a signal came in the middle: its byte is in the pipe.
            let mut signalled = match self.poll.poll(&mut self.readiness, timeout) {
                Ok(()) => false,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => true,
                Err(error) => return Err(error),
            };
            let mut ready = Ready::default();
            for event in &self.readiness {
                match event.token() {
                    SIGNALS => signalled = true,
                    _ if event.is_read_closed() || event.is_error() => ready.hung_up = true,
                    _ => ready.terminal = true,
                }
            }
            if signalled {
                for signal in self.signals.pending() {
                    if signal == SIGWINCH {
                        ready.terminal = true;
                    } else {
                        ready.signals.push(signal);
                    }
                }
            }
            Ok(ready)
        }
    }
}
