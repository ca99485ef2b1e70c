//! What can happen to the interface: what a user asks for (through the key
//! table), what the terminal reports, and what a finished effect reports back.

use std::path::PathBuf;

use super::text_edit::EditOp;
use crate::model::Scan;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Anywhere.
    Quit,
    ShowHelp,
    /// Close the overlay, or step back (Esc).
    Back,
    Save,
    Resize(u16, u16),
    /// Text pasted as one piece (bracketed paste).
    Paste(String),

    // The start screen.
    StartNewScan,
    StartOpenByPath,

    // Lists and forms.
    Up,
    Down,
    PageUp,
    PageDown,
    /// Enter: choose the selected item, or go to the next form field.
    Confirm,
    NextField,
    PrevField,
    /// Left/right on a choice field.
    ChoicePrev,
    ChoiceNext,
    /// Type into the focused text field.
    Edit(EditOp),

    // The walkthrough.
    NextCriterion,
    PrevCriterion,
    NextUnanswered,
    Skip,
    OpenNavigator,
    SetScore(u8),
    SetUnknown,
    SetNotApplicable,
    ClearAnswer,
    /// Switch between the criteria and the overview of the outcome.
    ToggleSummary,
    /// Search titles, descriptions and notes (`/`).
    StartSearch,
    /// Switch the projector view on or off.
    ToggleProjector,
    /// Mark the focused note private (never on the projector), or not.
    TogglePrivate,
    /// In the projector view: show or hide the recorded scores.
    ToggleScores,
    /// Open the dialog that moves the verdict one level.
    OverrideVerdict,
    /// Go back to the start screen.
    CloseScan,
    /// Show the agenda: time planned and used.
    ShowAgenda,
    // The regional agenda.
    /// Add an action to the criterion on screen and go to it.
    AddAgendaAction,
    /// Remove the action the focus is on.
    RemoveAgendaAction,
    /// Open or close the list of every action (the agenda screen).
    ToggleActions,
    /// On the agenda screen: the next sort order.
    CycleSort,

    // Confirmation dialogs.
    SaveAndQuit,
    DiscardAndQuit,

    /// Save as: ask for a new file name.
    StartSaveAs,
    /// Look at a scan open elsewhere without changing it.
    OpenReadOnly,
    /// Work on a copy of a scan open elsewhere.
    OpenCopy,

    /// A left click at a screen position.
    Click {
        column: u16,
        row: u16,
    },

    // From the driver.
    /// Nothing typed for a while: time to checkpoint.
    AutoSave,
    /// A second passed while a countdown is on screen: count the time.
    Tick,

    // Merge conflicts of the current criterion (the conflicts overlay).
    /// Open the overlay with the current criterion's conflicts.
    ShowConflicts,
    /// In the conflicts overlay: all notes of a note conflict, one after the other.
    CombineNotes,
    /// In the conflicts overlay: take the chosen value and edit it further.
    EditConflict,
    /// Show last time's answer on the current criterion (from an earlier scan).
    ShowPrevious,

    // Results of effects.
    Saved(Result<SaveReport, String>),
    Opened(Result<OpenedScan, OpenFailure>),
    Created(Result<OpenedScan, String>),
    /// Someone else has the scan open (`owner` in words).
    Locked {
        path: PathBuf,
        owner: String,
    },
}

/// Where a save went.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub path: PathBuf,
    /// Set when the scan now lives in another file than before.
    pub moved: Option<Moved>,
    pub auto: bool,
    /// Nothing was written: the file already said what the scan says.
    pub unchanged: bool,
    /// Where the original of an older scan was kept before this first save
    /// rewrote it in the current layout.
    pub backup: Option<PathBuf>,
}

/// Why a save went to another file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The user chose a new name.
    SavedAs,
    /// The file had been changed elsewhere; it was left alone.
    ConflictCopy,
}

/// A scan that was read or created, ready to walk.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedScan {
    pub scan: Box<Scan>,
    pub path: PathBuf,
    /// Warnings found while loading, already in words.
    pub warnings: Vec<String>,
    /// What was restored from the journal, in words.
    pub recovered: Option<String>,
    /// Open elsewhere: look, don't touch.
    pub read_only: bool,
    /// Why edits cannot be kept on disk (a read-only drive), in words.
    pub banner: Option<String>,
}

/// Why a scan did not open, already in words (one line per problem).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenFailure {
    pub path: PathBuf,
    pub lines: Vec<String>,
}
