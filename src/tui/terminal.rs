//! The driver: puts the terminal in full-screen mode, then draws, blocks until
//! one event arrives, updates, and runs the effect; and always gives the
//! terminal back, also after an error or a panic (ratatui's hook).

use std::io::stdout;

use jiff::Timestamp;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use super::action::Action;
use super::app::App;
use super::effect::{self, Effect};
use super::keymap;
use super::update::update;
use super::view;

/// Runs the interface until the user quits. `first` is IO to do before the
/// first draw, such as opening the scan named on the command line.
pub fn run(mut app: App, first: Option<Effect>) -> anyhow::Result<App> {
    let mut terminal = ratatui::init();
    // A pasted paragraph arrives as one event instead of a stream of keys.
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, first);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result.map(|()| app)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    first: Option<Effect>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.now = now();
    if let Some(effect) = first {
        dispatch_effect(app, effect);
    }
    while !app.should_quit {
        terminal.draw(|frame| view::draw(frame, app))?;
        // Blocks until something happens: no ticking, no CPU while idle.
        let event = event::read()?;
        app.now = now();
        let action = match event {
            Event::Key(key) => keymap::action_for(keymap::context(app), key),
            Event::Paste(text) => Some(Action::Paste(text)),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            _ => None,
        };
        if let Some(action) = action {
            dispatch(app, action);
        }
    }
    Ok(())
}

/// Runs an action and every effect and follow-up action it leads to.
pub fn dispatch(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next.take() {
        next = update(app, action).and_then(|effect| effect::run(effect, app));
    }
}

fn dispatch_effect(app: &mut App, effect: Effect) {
    if let Some(action) = effect::run(effect, app) {
        dispatch(app, action);
    }
}

/// The current time to the second: what the scan file records.
fn now() -> Timestamp {
    let now = Timestamp::now();
    now.round(jiff::Unit::Second).unwrap_or(now)
}
