//! The words both the interfaces and the language catalogues name: what a key
//! binding means and which plain-mode command a word calls. This module sits
//! below `i18n`, `tui` and `plain` and depends on nothing, so the catalogues
//! can name keys and commands without importing the interfaces that use them.

/// What a binding means, for the help overlay and hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Quit,
    Help,
    Close,
    Save,
    Move,
    Choose,
    NewScan,
    OpenByPath,
    NextField,
    PrevField,
    ChangeChoice,
    NextCriterion,
    PrevCriterion,
    NextUnanswered,
    Skip,
    Navigator,
    Score,
    Unknown,
    NotApplicable,
    ClearAnswer,
    EditNote,
    StopEditing,
    NewLine,
    MoveCursor,
    WordJump,
    RowStartEnd,
    DeleteText,
    CloseScan,
    Jump,
    SaveAndQuit,
    DiscardAndQuit,
    Stay,
    StartScanOrNext,
    Scroll,
    Summary,
    BackToCriteria,
    OpenCriterion,
    OverrideVerdict,
    ChooseVerdict,
    ConfirmOverride,
    Cancel,
    SaveAs,
    Search,
    Projector,
    ToggleScores,
    TogglePrivate,
    ReadOnly,
    WorkOnCopy,
    Agenda,
    /// The digits on the agreement field: set the agreement level.
    SetAgreement,
    Conflicts,
    CombineNotes,
    Previous,
    OverviewView,
    // The regional agenda.
    Actions,
    AddAction,
    RemoveAction,
    SortActions,
    ActionsBack,
}

/// A command that works at every prompt (except while a note continues).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainCommand {
    Help,
    Next,
    Previous,
    GoTo,
    Skip,
    Verdict,
    Save,
    Stop,
    /// The regional agenda: every action of the scan.
    Agenda,
    /// `stand 1 klaar`: the status of an action of the current criterion.
    ActionStatus,
}

impl PlainCommand {
    /// Every command, in the order the help lists them. The words that call
    /// each one come from the catalogue, so parsing and help cannot drift.
    pub const ALL: [PlainCommand; 10] = [
        PlainCommand::Help,
        PlainCommand::Next,
        PlainCommand::Previous,
        PlainCommand::GoTo,
        PlainCommand::Skip,
        PlainCommand::Verdict,
        PlainCommand::Agenda,
        PlainCommand::ActionStatus,
        PlainCommand::Save,
        PlainCommand::Stop,
    ];
}
