//! Keys to actions, one table per context. The same tables produce the help
//! overlay and the hint bar, so what the screen says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{App, FormField, Overlay, OverrideField, Screen, WalkMode};
use super::text_edit::EditOp;

/// Where the keys go right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Start,
    /// The new-scan form, on a one-line text field.
    FormText,
    /// The new-scan form, on the participants list (Enter starts a new line).
    FormMultiline,
    /// The new-scan form, on the framework choice or the start button.
    FormChoice,
    Walkthrough,
    /// Typing into a note.
    Editing,
    Navigator,
    /// The overview of the outcome.
    Summary,
    /// The projector view.
    Projector,
    /// The override dialog, on the verdict choice.
    OverrideChoice,
    /// The override dialog, typing the rationale.
    OverrideText,
    /// The override dialog, on the confirm button.
    OverrideConfirm,
    Help,
    ConfirmQuit,
    OpenPath,
    /// The scan is open elsewhere.
    Locked,
    /// Typing a search.
    Search,
    Message,
    /// The agenda of planned and used time.
    Agenda,
    /// The merge conflicts of a criterion.
    Conflicts,
    /// The overview of many scans.
    Overview,
    /// The list of every action (the agenda screen).
    Actions,
}

/// A key as written in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, with or without Shift.
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    CtrlCode(KeyCode),
    /// Any of 1–9.
    Digit,
}

pub use crate::vocab::Help;

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Help,
    /// Shown in the bottom hint bar.
    pub hint: bool,
}

const fn bind(keys: &'static [Key], action: Action, help: Help, hint: bool) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint,
    }
}

use Key::{Char, Code, Ctrl, CtrlCode, Digit};

const HELP_KEYS: &[Key] = &[Char('?'), Code(KeyCode::F(1))];
const UP: &[Key] = &[Code(KeyCode::Up)];
const DOWN: &[Key] = &[Code(KeyCode::Down)];
const ENTER: &[Key] = &[Code(KeyCode::Enter)];
const ESC: &[Key] = &[Code(KeyCode::Esc)];
const TAB: &[Key] = &[Code(KeyCode::Tab)];
const BACKTAB: &[Key] = &[Code(KeyCode::BackTab)];
const LEFT: &[Key] = &[Code(KeyCode::Left)];
const RIGHT: &[Key] = &[Code(KeyCode::Right)];
const CTRL_S: &[Key] = &[Ctrl('s')];

static START: &[Binding] = &[
    bind(UP, Action::Up, Help::Move, true),
    bind(DOWN, Action::Down, Help::Move, true),
    bind(ENTER, Action::Confirm, Help::Choose, true),
    bind(&[Char('n')], Action::StartNewScan, Help::NewScan, true),
    bind(
        &[Char('o')],
        Action::StartOpenByPath,
        Help::OpenByPath,
        true,
    ),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, true),
    bind(&[Char('q'), Ctrl('c')], Action::Quit, Help::Quit, true),
];

static FORM_COMMON: &[Binding] = &[
    bind(TAB, Action::NextField, Help::NextField, true),
    bind(BACKTAB, Action::PrevField, Help::PrevField, true),
    bind(ESC, Action::Back, Help::Close, true),
    bind(&[Code(KeyCode::F(1))], Action::ShowHelp, Help::Help, true),
    bind(&[Ctrl('c')], Action::Quit, Help::Quit, false),
];

static FORM_TEXT: &[Binding] = &[
    bind(ENTER, Action::Confirm, Help::StartScanOrNext, true),
    bind(DOWN, Action::NextField, Help::NextField, false),
    bind(UP, Action::PrevField, Help::PrevField, false),
];

static FORM_MULTILINE: &[Binding] = &[
    bind(ENTER, Action::Edit(EditOp::Newline), Help::NewLine, true),
    bind(UP, Action::Edit(EditOp::Up), Help::MoveCursor, false),
    bind(DOWN, Action::Edit(EditOp::Down), Help::MoveCursor, false),
];

static FORM_CHOICE: &[Binding] = &[
    bind(ENTER, Action::Confirm, Help::StartScanOrNext, true),
    bind(LEFT, Action::ChoicePrev, Help::ChangeChoice, true),
    bind(RIGHT, Action::ChoiceNext, Help::ChangeChoice, true),
    bind(DOWN, Action::NextField, Help::NextField, false),
    bind(UP, Action::PrevField, Help::PrevField, false),
];

/// Cursor keys shared by every text field.
static TEXT_KEYS: &[Binding] = &[
    bind(LEFT, Action::Edit(EditOp::Left), Help::MoveCursor, false),
    bind(RIGHT, Action::Edit(EditOp::Right), Help::MoveCursor, false),
    bind(
        &[CtrlCode(KeyCode::Left)],
        Action::Edit(EditOp::WordLeft),
        Help::WordJump,
        false,
    ),
    bind(
        &[CtrlCode(KeyCode::Right)],
        Action::Edit(EditOp::WordRight),
        Help::WordJump,
        false,
    ),
    bind(
        &[Code(KeyCode::Home)],
        Action::Edit(EditOp::RowStart),
        Help::RowStartEnd,
        false,
    ),
    bind(
        &[Code(KeyCode::End)],
        Action::Edit(EditOp::RowEnd),
        Help::RowStartEnd,
        false,
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Edit(EditOp::Backspace),
        Help::DeleteText,
        false,
    ),
    bind(
        &[Code(KeyCode::Delete)],
        Action::Edit(EditOp::Delete),
        Help::DeleteText,
        false,
    ),
];

static WALKTHROUGH: &[Binding] = &[
    bind(
        &[Char('n'), Code(KeyCode::PageDown)],
        Action::NextCriterion,
        Help::NextCriterion,
        true,
    ),
    bind(
        &[Char('p'), Code(KeyCode::PageUp)],
        Action::PrevCriterion,
        Help::PrevCriterion,
        true,
    ),
    bind(
        &[Code(KeyCode::Tab), Code(KeyCode::Down), Char('j')],
        Action::NextField,
        Help::NextField,
        false,
    ),
    bind(
        &[Code(KeyCode::BackTab), Code(KeyCode::Up), Char('k')],
        Action::PrevField,
        Help::PrevField,
        false,
    ),
    // The digit pressed becomes the score; see `matches`.
    bind(&[Digit], Action::SetScore(0), Help::Score, true),
    bind(&[Char('o')], Action::SetUnknown, Help::Unknown, false),
    bind(
        &[Char('x')],
        Action::SetNotApplicable,
        Help::NotApplicable,
        false,
    ),
    bind(LEFT, Action::ChoicePrev, Help::ChangeChoice, false),
    bind(RIGHT, Action::ChoiceNext, Help::ChangeChoice, false),
    bind(
        &[Code(KeyCode::Backspace), Code(KeyCode::Delete)],
        Action::ClearAnswer,
        Help::ClearAnswer,
        false,
    ),
    bind(
        &[Code(KeyCode::Enter), Char('e')],
        Action::Confirm,
        Help::EditNote,
        true,
    ),
    bind(
        &[Char('u')],
        Action::NextUnanswered,
        Help::NextUnanswered,
        true,
    ),
    bind(&[Char('s')], Action::Skip, Help::Skip, false),
    bind(&[Char('g')], Action::OpenNavigator, Help::Navigator, true),
    bind(&[Char('r')], Action::ToggleSummary, Help::Summary, true),
    bind(&[Char('/')], Action::StartSearch, Help::Search, true),
    bind(
        &[Char('v')],
        Action::TogglePrivate,
        Help::TogglePrivate,
        false,
    ),
    bind(
        &[Code(KeyCode::F(5)), Char('b')],
        Action::ToggleProjector,
        Help::Projector,
        true,
    ),
    bind(&[Char('t')], Action::ShowAgenda, Help::Agenda, true),
    bind(&[Char('c')], Action::ShowConflicts, Help::Conflicts, false),
    bind(&[Char('h')], Action::ShowPrevious, Help::Previous, false),
    bind(&[Char('l')], Action::ToggleActions, Help::Actions, true),
    bind(
        &[Char('a')],
        Action::AddAgendaAction,
        Help::AddAction,
        false,
    ),
    bind(
        &[Char('-')],
        Action::RemoveAgendaAction,
        Help::RemoveAction,
        false,
    ),
    bind(CTRL_S, Action::Save, Help::Save, true),
    bind(&[Char('w')], Action::StartSaveAs, Help::SaveAs, false),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, true),
    bind(ESC, Action::CloseScan, Help::CloseScan, false),
    bind(&[Char('q'), Ctrl('c')], Action::Quit, Help::Quit, true),
];

static EDITING: &[Binding] = &[
    bind(ESC, Action::Back, Help::StopEditing, true),
    bind(TAB, Action::NextField, Help::NextField, true),
    bind(BACKTAB, Action::PrevField, Help::PrevField, false),
    bind(ENTER, Action::Edit(EditOp::Newline), Help::NewLine, true),
    bind(UP, Action::Edit(EditOp::Up), Help::MoveCursor, false),
    bind(DOWN, Action::Edit(EditOp::Down), Help::MoveCursor, false),
    bind(
        &[Code(KeyCode::PageUp)],
        Action::Edit(EditOp::PageUp),
        Help::MoveCursor,
        false,
    ),
    bind(
        &[Code(KeyCode::PageDown)],
        Action::Edit(EditOp::PageDown),
        Help::MoveCursor,
        false,
    ),
    bind(CTRL_S, Action::Save, Help::Save, true),
    bind(&[Code(KeyCode::F(1))], Action::ShowHelp, Help::Help, true),
];

/// Letters type a criterion id or part of a title here, so only keys that
/// cannot be part of one move or close.
static NAVIGATOR: &[Binding] = &[
    bind(UP, Action::Up, Help::Move, true),
    bind(DOWN, Action::Down, Help::Move, true),
    bind(ENTER, Action::Confirm, Help::Jump, true),
    bind(ESC, Action::Back, Help::Close, true),
    bind(
        &[Code(KeyCode::Backspace)],
        Action::Edit(EditOp::Backspace),
        Help::DeleteText,
        false,
    ),
    bind(&[Code(KeyCode::F(1))], Action::ShowHelp, Help::Help, true),
];

static SUMMARY: &[Binding] = &[
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        Help::Move,
        true,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        Help::Move,
        true,
    ),
    bind(ENTER, Action::Confirm, Help::OpenCriterion, true),
    bind(
        &[Char('a')],
        Action::OverrideVerdict,
        Help::OverrideVerdict,
        true,
    ),
    bind(&[Char('t')], Action::ShowAgenda, Help::Agenda, true),
    bind(
        &[Char('r'), Code(KeyCode::Esc)],
        Action::ToggleSummary,
        Help::BackToCriteria,
        true,
    ),
    bind(CTRL_S, Action::Save, Help::Save, true),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, true),
    bind(&[Char('q'), Ctrl('c')], Action::Quit, Help::Quit, true),
];

static OVERRIDE_CHOICE: &[Binding] = &[
    bind(UP, Action::ChoicePrev, Help::ChooseVerdict, true),
    bind(DOWN, Action::ChoiceNext, Help::ChooseVerdict, true),
    bind(
        &[Code(KeyCode::Tab), Code(KeyCode::Enter)],
        Action::NextField,
        Help::NextField,
        true,
    ),
    bind(ESC, Action::Back, Help::Cancel, true),
];

static OVERRIDE_TEXT: &[Binding] = &[
    bind(TAB, Action::NextField, Help::NextField, true),
    bind(BACKTAB, Action::PrevField, Help::PrevField, true),
    bind(ENTER, Action::Edit(EditOp::Newline), Help::NewLine, true),
    bind(UP, Action::Edit(EditOp::Up), Help::MoveCursor, false),
    bind(DOWN, Action::Edit(EditOp::Down), Help::MoveCursor, false),
    bind(ESC, Action::Back, Help::Cancel, true),
];

static OVERRIDE_CONFIRM: &[Binding] = &[
    bind(ENTER, Action::Confirm, Help::ConfirmOverride, true),
    bind(TAB, Action::NextField, Help::NextField, true),
    bind(BACKTAB, Action::PrevField, Help::PrevField, true),
    bind(ESC, Action::Back, Help::Cancel, true),
];

static PROJECTOR: &[Binding] = &[
    bind(
        &[Char('n'), Code(KeyCode::PageDown), Code(KeyCode::Right)],
        Action::NextCriterion,
        Help::NextCriterion,
        true,
    ),
    bind(
        &[Char('p'), Code(KeyCode::PageUp), Code(KeyCode::Left)],
        Action::PrevCriterion,
        Help::PrevCriterion,
        true,
    ),
    bind(
        &[Char('s'), Char(' ')],
        Action::ToggleScores,
        Help::ToggleScores,
        true,
    ),
    bind(
        &[Code(KeyCode::F(5)), Char('b'), Code(KeyCode::Esc)],
        Action::ToggleProjector,
        Help::BackToCriteria,
        true,
    ),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, false),
    bind(&[Char('q'), Ctrl('c')], Action::Quit, Help::Quit, false),
];

static SEARCH: &[Binding] = &[
    bind(UP, Action::Up, Help::Move, true),
    bind(DOWN, Action::Down, Help::Move, true),
    bind(ENTER, Action::Confirm, Help::Jump, true),
    bind(ESC, Action::Back, Help::Close, true),
];

static LOCKED: &[Binding] = &[
    bind(&[Char('l')], Action::OpenReadOnly, Help::ReadOnly, true),
    bind(&[Char('k')], Action::OpenCopy, Help::WorkOnCopy, true),
    bind(ESC, Action::Back, Help::Close, true),
];

static HELP: &[Binding] = &[
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        Help::Scroll,
        true,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        Help::Scroll,
        true,
    ),
    bind(&[Code(KeyCode::PageUp)], Action::PageUp, Help::Scroll, true),
    bind(
        &[Code(KeyCode::PageDown)],
        Action::PageDown,
        Help::Scroll,
        true,
    ),
    bind(
        &[
            Code(KeyCode::Esc),
            Char('?'),
            Char('q'),
            Code(KeyCode::Enter),
            Code(KeyCode::F(1)),
        ],
        Action::Back,
        Help::Close,
        true,
    ),
];

static CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[Char('j'), Char('y'), Ctrl('s')],
        Action::SaveAndQuit,
        Help::SaveAndQuit,
        true,
    ),
    bind(
        &[Char('n')],
        Action::DiscardAndQuit,
        Help::DiscardAndQuit,
        true,
    ),
    bind(ESC, Action::Back, Help::Stay, true),
];

static OPEN_PATH: &[Binding] = &[
    bind(ENTER, Action::Confirm, Help::Choose, true),
    bind(ESC, Action::Back, Help::Close, true),
];

static AGENDA: &[Binding] = &[bind(
    &[
        Code(KeyCode::Esc),
        Char('t'),
        Char('q'),
        Code(KeyCode::Enter),
    ],
    Action::Back,
    Help::Close,
    true,
)];

static CONFLICTS: &[Binding] = &[
    bind(
        &[Code(KeyCode::Left), Code(KeyCode::Right)],
        Action::ChoiceNext,
        Help::ChangeChoice,
        true,
    ),
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        Help::Move,
        false,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        Help::Move,
        true,
    ),
    bind(ENTER, Action::Confirm, Help::Choose, true),
    bind(&[Char('c')], Action::CombineNotes, Help::CombineNotes, true),
    bind(&[Char('e')], Action::EditConflict, Help::EditNote, true),
    bind(ESC, Action::Back, Help::Close, true),
];

static OVERVIEW: &[Binding] = &[
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        Help::Move,
        false,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        Help::Move,
        true,
    ),
    bind(
        &[Code(KeyCode::PageUp)],
        Action::PageUp,
        Help::Scroll,
        false,
    ),
    bind(
        &[Code(KeyCode::PageDown)],
        Action::PageDown,
        Help::Scroll,
        false,
    ),
    bind(
        &[Code(KeyCode::Tab)],
        Action::NextField,
        Help::OverviewView,
        true,
    ),
    bind(
        &[Code(KeyCode::Left), Code(KeyCode::Right)],
        Action::ChoiceNext,
        Help::ChangeChoice,
        true,
    ),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, true),
    bind(
        &[Char('q'), Ctrl('c'), Code(KeyCode::Esc)],
        Action::Quit,
        Help::Quit,
        true,
    ),
];

static ACTIONS: &[Binding] = &[
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Action::Up,
        Help::Move,
        true,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Action::Down,
        Help::Move,
        true,
    ),
    bind(ENTER, Action::Confirm, Help::OpenCriterion, true),
    bind(&[Char('s')], Action::CycleSort, Help::SortActions, true),
    bind(
        &[Char('l'), Code(KeyCode::Esc)],
        Action::ToggleActions,
        Help::ActionsBack,
        true,
    ),
    bind(CTRL_S, Action::Save, Help::Save, false),
    bind(HELP_KEYS, Action::ShowHelp, Help::Help, true),
    bind(&[Char('q'), Ctrl('c')], Action::Quit, Help::Quit, false),
];

static MESSAGE: &[Binding] = &[bind(
    &[Code(KeyCode::Enter), Code(KeyCode::Esc)],
    Action::Back,
    Help::Close,
    true,
)];

/// The context the keys go to now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Help { .. }) => Context::Help,
        Some(Overlay::ConfirmQuit | Overlay::ConfirmLeave) => Context::ConfirmQuit,
        Some(Overlay::OpenPath(_) | Overlay::SaveAs(_)) => Context::OpenPath,
        Some(Overlay::Locked { .. }) => Context::Locked,
        Some(Overlay::Search { .. }) => Context::Search,
        Some(Overlay::Message { .. }) => Context::Message,
        Some(Overlay::Agenda | Overlay::Previous) => Context::Agenda,
        Some(Overlay::Conflicts { .. }) => Context::Conflicts,
        Some(Overlay::Override(form)) => match form.focus {
            OverrideField::Choice => Context::OverrideChoice,
            OverrideField::Rationale => Context::OverrideText,
            OverrideField::Confirm => Context::OverrideConfirm,
        },
        None => screen_context(app),
    }
}

/// The context of the screen itself, ignoring any overlay: what the help
/// overlay explains.
pub fn screen_context(app: &App) -> Context {
    match &app.screen {
        Screen::Start(_) => Context::Start,
        Screen::NewScan(form) => match form.focus {
            FormField::Framework | FormField::Start => Context::FormChoice,
            field if field.is_multiline() => Context::FormMultiline,
            _ => Context::FormText,
        },
        Screen::Overview(_) => Context::Overview,
        Screen::Walkthrough(walk) => match walk.mode {
            WalkMode::Browse => Context::Walkthrough,
            WalkMode::Editing => Context::Editing,
            WalkMode::Navigator { .. } => Context::Navigator,
            WalkMode::Summary { .. } => Context::Summary,
            WalkMode::Projector { .. } => Context::Projector,
            WalkMode::Actions { .. } => Context::Actions,
        },
    }
}

/// The tables that apply in a context, most specific first.
pub fn bindings(context: Context) -> Vec<&'static Binding> {
    let tables: &[&'static [Binding]] = match context {
        Context::Start => &[START],
        Context::FormText => &[FORM_TEXT, FORM_COMMON, TEXT_KEYS],
        Context::FormMultiline => &[FORM_MULTILINE, FORM_COMMON, TEXT_KEYS],
        Context::FormChoice => &[FORM_CHOICE, FORM_COMMON],
        Context::Walkthrough => &[WALKTHROUGH],
        Context::Editing => &[EDITING, TEXT_KEYS],
        Context::Navigator => &[NAVIGATOR],
        Context::Summary => &[SUMMARY],
        Context::Projector => &[PROJECTOR],
        Context::OverrideChoice => &[OVERRIDE_CHOICE],
        Context::OverrideText => &[OVERRIDE_TEXT, TEXT_KEYS],
        Context::OverrideConfirm => &[OVERRIDE_CONFIRM],
        Context::Help => &[HELP],
        Context::ConfirmQuit => &[CONFIRM_QUIT],
        Context::OpenPath => &[OPEN_PATH, TEXT_KEYS],
        Context::Locked => &[LOCKED],
        Context::Search => &[SEARCH, TEXT_KEYS],
        Context::Message => &[MESSAGE],
        Context::Agenda => &[AGENDA],
        Context::Conflicts => &[CONFLICTS],
        Context::Overview => &[OVERVIEW],
        Context::Actions => &[ACTIONS],
    };
    tables.iter().flat_map(|table| table.iter()).collect()
}

/// Whether typed characters become text in this context.
fn takes_text(context: Context) -> bool {
    matches!(
        context,
        Context::FormText
            | Context::FormMultiline
            | Context::Navigator
            | Context::Editing
            | Context::OpenPath
            | Context::OverrideText
            | Context::Search
    )
}

/// The action for a key press in a context, if any.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = bindings(context).into_iter().find_map(|binding| {
        binding
            .keys
            .iter()
            .find_map(|key| matches(*key, &binding.action, event))
    });
    if bound.is_some() {
        return bound;
    }
    let plain = event.modifiers.difference(KeyModifiers::SHIFT).is_empty();
    match event.code {
        KeyCode::Char(c) if plain && takes_text(context) => Some(Action::Edit(EditOp::Insert(c))),
        _ => None,
    }
}

/// The binding's action if `key` matches the event.
fn matches(key: Key, action: &Action, event: KeyEvent) -> Option<Action> {
    let modifiers = event.modifiers;
    let without_shift = modifiers.difference(KeyModifiers::SHIFT).is_empty();
    let hit = match key {
        Key::Char(c) => event.code == KeyCode::Char(c) && without_shift,
        Key::Ctrl(c) => event.code == KeyCode::Char(c) && modifiers.contains(KeyModifiers::CONTROL),
        Key::Code(code) => event.code == code && without_shift,
        Key::CtrlCode(code) => event.code == code && modifiers.contains(KeyModifiers::CONTROL),
        Key::Digit => {
            return match event.code {
                KeyCode::Char(c @ '1'..='9') if modifiers.is_empty() => {
                    c.to_digit(10).map(|digit| Action::SetScore(digit as u8))
                }
                _ => None,
            };
        }
    };
    hit.then(|| action.clone())
}

/// A key as shown to the user.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Code(code) => code_label(code),
        Key::CtrlCode(code) => format!("Ctrl-{}", code_label(code)),
        Key::Digit => DIGITS_LABEL.to_string(),
    }
}

/// The label of [`Key::Digit`] before the screen narrows it to the scale.
const DIGITS_LABEL: &str = "1–9";

/// Every key has a true label: a function key by its number, anything the
/// table below does not name by crossterm's own name.
fn code_label(code: KeyCode) -> String {
    let label = match code {
        KeyCode::Up => "↑",
        KeyCode::Down => "↓",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Backspace => "Backspace",
        KeyCode::Delete => "Del",
        KeyCode::F(number) => return format!("F{number}"),
        other => return other.to_string(),
    };
    label.to_string()
}

/// The bindings of a context merged by meaning, in table order: one row per
/// [`Help`], with every key that does it, e.g. ("n/PgDn", NextCriterion).
pub fn help_rows(context: Context, hints_only: bool) -> Vec<(String, Help)> {
    let mut rows: Vec<(Vec<String>, Help)> = Vec::new();
    for binding in bindings(context) {
        if hints_only && !binding.hint {
            continue;
        }
        let labels = binding.keys.iter().map(|key| key_label(*key));
        match rows.iter_mut().find(|(_, help)| *help == binding.help) {
            Some((keys, _)) => keys.extend(labels),
            None => rows.push((labels.collect(), binding.help)),
        }
    }
    rows.into_iter()
        .map(|(keys, help)| (keys.join("/"), help))
        .collect()
}

/// [`help_rows`] as the user sees them on this screen: the digit keys narrowed
/// to the framework's scale ("1–5 score" on a five-point scale), and in the
/// hints on the agreement field, the digits that set the agreement level.
pub fn screen_help_rows(app: &App, context: Context, hints_only: bool) -> Vec<(String, Help)> {
    let walk = app.walkthrough();
    help_rows(context, hints_only)
        .into_iter()
        .map(|(keys, help)| {
            let Some(walk) = walk.filter(|_| help == Help::Score) else {
                return (keys, help);
            };
            let on_agreement = hints_only
                && context == Context::Walkthrough
                && walk.focus == crate::tui::app::Field::Agreement;
            if on_agreement {
                let levels = crate::model::Agreement::ALL.len();
                (
                    keys.replace(DIGITS_LABEL, &format!("1–{levels}")),
                    Help::SetAgreement,
                )
            } else {
                let (low, high) = crate::tui::update::scale_range(&walk.scan);
                (keys.replace(DIGITS_LABEL, &format!("{low}–{high}")), help)
            }
        })
        .collect()
}
