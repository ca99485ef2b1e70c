//! The whole state of the interface: which screen is showing, what is being
//! edited, what is unsaved. Plain data; `update` changes it, `view` draws it.

use std::path::PathBuf;

use jiff::Timestamp;

use super::text_edit::TextCursor;
use super::update::AfterSave;
use crate::config::ThemeName;
use crate::i18n::Catalogue;
use crate::model::edit::Edit;
use crate::model::timebox::{self, Clocks, Plan, TimeUsed, TimeboxSettings};
use crate::model::{CriterionStatus, Framework, Scan, Verdict};
use crate::paths::Paths;

/// Everything the interface knows.
pub struct App {
    pub text: &'static Catalogue,
    pub paths: Paths,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// A short message in the bottom bar until the next key.
    pub status: Option<Status>,
    /// A problem that stays in view until it is solved, e.g. "niet opgeslagen: schijf vol".
    pub banner: Option<String>,
    /// Terminal size in cells, kept current on resize.
    pub size: (u16, u16),
    /// The time of the current event; set by the driver so `update` stays pure.
    pub now: Timestamp,
    /// Frameworks a new scan can use: bundled first, then the user's own.
    pub frameworks: Vec<FrameworkChoice>,
    pub recent: Vec<PathBuf>,
    /// Scan files found in the default scans folder.
    pub folder_scans: Vec<PathBuf>,
    /// Region, date and progress of the scans listed on the start screen.
    pub previews: std::collections::HashMap<PathBuf, crate::storage::preview::ScanPreview>,
    /// Prefilled as facilitator in a new scan.
    pub default_facilitator: String,
    /// Draw with colour; off when `NO_COLOR` is set.
    pub colour: bool,
    pub theme: ThemeName,
    /// Minutes per criterion and for the session, from the settings.
    pub timebox: TimeboxSettings,
    /// What to do when the save in progress succeeds.
    pub pending_after_save: Option<AfterSave>,
    /// `open --previous OLD`: the scan to show as last time, instead of
    /// looking for one in the scan's folder.
    pub previous_wanted: Option<PathBuf>,
    /// Last time, found while a scan was opened (IO); the walkthrough takes it.
    pub previous_found: Option<Box<PreviousScan>>,
    pub should_quit: bool,
    /// Reads `frameworks` when they are left until after the first frame
    /// (a scan opened from the command line shows no list of them); run by
    /// the IO before anything else happens.
    pub frameworks_later: Option<FrameworksLater>,
}

/// Reads the frameworks a new scan can use.
pub type FrameworksLater = Box<dyn FnOnce() -> Vec<FrameworkChoice> + Send>;

#[derive(Debug, Clone)]
pub struct FrameworkChoice {
    pub framework: Framework,
    /// Where it came from: `None` for bundled, else the file.
    pub file: Option<PathBuf>,
}

impl FrameworkChoice {
    /// A framework that comes with zelfscan.
    pub fn bundled(framework: Framework) -> Self {
        Self {
            framework,
            file: None,
        }
    }
}

pub enum Screen {
    Start(StartScreen),
    NewScan(Box<NewScanForm>),
    Walkthrough(Box<Walkthrough>),
    /// Many scans at once (`zelfscan overview --interactive`).
    Overview(Box<OverviewScreen>),
}

/// What the overview screen shows: one of its groups, in one of three views,
/// with a selected row.
#[derive(Debug, Clone)]
pub struct OverviewScreen {
    pub overview: crate::model::overview::Overview,
    /// What loading found, as `file:line:column: message`.
    pub problems: Vec<String>,
    /// How many files did not load.
    pub failed: usize,
    pub group: usize,
    pub view: OverviewView,
    pub selected: usize,
}

/// The three views of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewView {
    /// One row per scan: verdict, total, theme scores, completion.
    Rows,
    /// Scores per criterion (columns) and region (rows).
    Heatmap,
    /// Per criterion the median and spread.
    Spread,
}

/// The start screen: a menu followed by recent scans and scans in the folder.
#[derive(Debug, Clone, Default)]
pub struct StartScreen {
    pub selected: usize,
}

/// An item on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartItem {
    NewScan,
    OpenByPath,
    Recent(PathBuf),
    InFolder(PathBuf),
}

/// A single- or multi-line text being typed into, with its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: TextCursor,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = TextCursor {
            byte: text.len(),
            ..TextCursor::default()
        };
        Self { text, cursor }
    }
}

/// The fields of the new-scan form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Region,
    Date,
    Facilitator,
    NoteTaker,
    Framework,
    Participants,
    File,
    Start,
}

impl FormField {
    pub const ALL: [FormField; 8] = [
        FormField::Region,
        FormField::Date,
        FormField::Facilitator,
        FormField::NoteTaker,
        FormField::Framework,
        FormField::Participants,
        FormField::File,
        FormField::Start,
    ];

    pub fn is_text(self) -> bool {
        !matches!(self, FormField::Framework | FormField::Start)
    }

    pub fn is_multiline(self) -> bool {
        self == FormField::Participants
    }
}

/// The new-scan form.
#[derive(Debug, Clone)]
pub struct NewScanForm {
    pub focus: FormField,
    pub region: TextInput,
    pub date: TextInput,
    pub facilitator: TextInput,
    pub note_taker: TextInput,
    pub framework: usize,
    /// One participant per line: `naam; organisatie; perspectief`.
    pub participants: TextInput,
    pub file: TextInput,
    /// Once the user edits the file name, it no longer follows the region.
    pub file_edited: bool,
    /// Why the last attempt to start did not go through.
    pub error: Option<String>,
}

impl NewScanForm {
    pub fn input(&self, field: FormField) -> Option<&TextInput> {
        match field {
            FormField::Region => Some(&self.region),
            FormField::Date => Some(&self.date),
            FormField::Facilitator => Some(&self.facilitator),
            FormField::NoteTaker => Some(&self.note_taker),
            FormField::Participants => Some(&self.participants),
            FormField::File => Some(&self.file),
            FormField::Framework | FormField::Start => None,
        }
    }

    pub fn input_mut(&mut self, field: FormField) -> Option<&mut TextInput> {
        match field {
            FormField::Region => Some(&mut self.region),
            FormField::Date => Some(&mut self.date),
            FormField::Facilitator => Some(&mut self.facilitator),
            FormField::NoteTaker => Some(&mut self.note_taker),
            FormField::Participants => Some(&mut self.participants),
            FormField::File => Some(&mut self.file),
            FormField::Framework | FormField::Start => None,
        }
    }
}

/// Whose answer a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A perspective, by its index in the framework.
    Perspective(usize),
    /// The answer the room agreed on.
    Consensus,
}

/// One field of the walkthrough form for the current criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Score(Side),
    Note(Side),
    Agreement,
    /// The agenda part below the joint answer.
    Agenda(AgendaPart),
}

/// A field of a criterion's agenda: the ambition, then each action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaPart {
    AmbitionLevel,
    AmbitionDue,
    AmbitionNeeded,
    /// Of action n (0-based).
    What(usize),
    Owner(usize),
    Due(usize),
    Status(usize),
}

impl AgendaPart {
    /// The action this part belongs to, if it is one of an action.
    pub fn action(self) -> Option<usize> {
        match self {
            AgendaPart::What(n)
            | AgendaPart::Owner(n)
            | AgendaPart::Due(n)
            | AgendaPart::Status(n) => Some(n),
            AgendaPart::AmbitionLevel | AgendaPart::AmbitionDue | AgendaPart::AmbitionNeeded => {
                None
            }
        }
    }
}

impl Field {
    /// The answer fields in the order Tab walks them: each perspective's
    /// score and note, then the consensus score, agreement and joint note.
    pub fn all(perspective_count: usize) -> Vec<Field> {
        let mut fields = Vec::with_capacity(perspective_count * 2 + 4);
        for index in 0..perspective_count {
            fields.push(Field::Score(Side::Perspective(index)));
            fields.push(Field::Note(Side::Perspective(index)));
        }
        fields.extend([
            Field::Score(Side::Consensus),
            Field::Agreement,
            Field::Note(Side::Consensus),
        ]);
        fields
    }

    /// Every field of a criterion in Tab order: [`Field::all`], then the
    /// agenda: the ambition and each of the `action_count` actions.
    pub fn walk(perspective_count: usize, action_count: usize) -> Vec<Field> {
        let mut fields = Self::all(perspective_count);
        fields.extend(
            [
                AgendaPart::AmbitionLevel,
                AgendaPart::AmbitionDue,
                AgendaPart::AmbitionNeeded,
            ]
            .map(Field::Agenda),
        );
        for index in 0..action_count {
            fields.extend(
                [
                    AgendaPart::What(index),
                    AgendaPart::Owner(index),
                    AgendaPart::Due(index),
                    AgendaPart::Status(index),
                ]
                .map(Field::Agenda),
            );
        }
        fields
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Note(_)
                | Field::Agenda(
                    AgendaPart::AmbitionNeeded | AgendaPart::What(_) | AgendaPart::Owner(_)
                )
        )
    }
}

/// Where keys go on the walkthrough screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkMode {
    /// Keys move between fields and criteria and set answers.
    Browse,
    /// Keys type into the focused note.
    Editing,
    /// Keys move the selection in the criteria list; Enter jumps.
    Navigator { selected: usize },
    /// The overview of the outcome; `selected` is a position among the rows
    /// that lead to a criterion (points of attention, unanswered criteria).
    Summary { selected: Option<usize> },
    /// The current criterion alone, large, for the projector.
    Projector { show_scores: bool },
    /// Every action of the scan as one list (the agenda screen); `selected`
    /// is a position in the sorted list.
    Actions {
        selected: usize,
        sort: crate::model::AgendaSort,
    },
}

/// The walkthrough of one open scan.
#[derive(Debug, Clone)]
pub struct Walkthrough {
    pub scan: Scan,
    pub path: PathBuf,
    /// Changed since the last save.
    pub dirty: bool,
    pub last_saved: Option<Timestamp>,
    /// The criterion on screen, as a position in the walk.
    pub current: usize,
    pub focus: Field,
    pub mode: WalkMode,
    /// What was typed in the "go to" list: a criterion id or part of a title.
    pub goto_query: String,
    /// Cursor in the focused text field (reset when the focus moves).
    pub cursor: TextCursor,
    /// Edits applied but not yet written to the journal; the driver writes
    /// them before the next frame is drawn.
    pub pending: Vec<Edit>,
    /// Opened while someone else has it open: looking only.
    pub read_only: bool,
    /// The time planned per criterion and for the session.
    pub plan: Plan,
    /// The time used since the scan was opened; not saved.
    pub used: TimeUsed,
    /// An earlier scan of the same region and framework, shown as "last time".
    pub previous: Option<Box<PreviousScan>>,
    /// Which state of `scan` this is: what is drawn from the scan alone may
    /// be kept while the version stays (see [`ScanVersion`]).
    pub version: ScanVersion,
}

/// A state of an open scan: the walkthrough it was opened in, and how many
/// edits were applied to it since. Every edit goes through
/// `update::walkthrough` (`apply_edit`, and typing in a note), which counts
/// it. A copy of a walkthrough starts a version of its own, so two copies
/// edited apart never share one.
#[derive(Debug, PartialEq, Eq)]
pub struct ScanVersion {
    opened: u64,
    edits: u64,
}

impl ScanVersion {
    fn new() -> Self {
        static OPENED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            opened: OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            edits: 0,
        }
    }

    /// An edit was applied to the scan.
    pub fn edited(&mut self) {
        self.edits += 1;
    }

    /// A key for what is kept: equal only for the same state of one scan.
    pub fn key(&self) -> (u64, u64) {
        (self.opened, self.edits)
    }
}

impl Clone for ScanVersion {
    fn clone(&self) -> Self {
        Self::new()
    }
}

/// The earlier scan the walkthrough shows beside this one.
#[derive(Debug, Clone)]
pub struct PreviousScan {
    pub scan: Scan,
    pub path: PathBuf,
}

impl Walkthrough {
    pub fn new(scan: Scan, path: PathBuf) -> Self {
        Self {
            path,
            dirty: false,
            last_saved: None,
            current: 0,
            focus: Field::Score(Side::Perspective(0)),
            mode: WalkMode::Browse,
            goto_query: String::new(),
            cursor: TextCursor::default(),
            pending: Vec::new(),
            read_only: false,
            plan: Plan::new(&scan.framework, TimeboxSettings::default()),
            used: TimeUsed::new(scan.answers.len(), Timestamp::UNIX_EPOCH),
            previous: None,
            version: ScanVersion::new(),
            scan,
        }
    }

    /// What the countdowns say now.
    pub fn clocks(&self) -> Clocks {
        timebox::clocks(&self.plan, &self.used, self.current, |index| {
            self.scan
                .answers
                .get(index)
                .is_some_and(|answer| answer.status() != CriterionStatus::Open)
        })
    }
}

/// Something drawn over the screen that takes the keys until it closes.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The help, scrolled down this many rows.
    Help { scroll: u16 },
    /// Quitting with unsaved changes: save, discard, or stay.
    ConfirmQuit,
    /// Leaving the scan for the start screen with unsaved changes.
    ConfirmLeave,
    /// Typing the path of a scan to open.
    OpenPath(TextInput),
    /// Typing a new file name for the open scan.
    SaveAs(TextInput),
    /// Searching criteria and notes; `selected` is the chosen hit.
    Search { query: TextInput, selected: usize },
    /// The scan is open elsewhere: look only, work on a copy, or go back.
    Locked { path: PathBuf, owner: String },
    /// A problem to read, e.g. why a file did not open.
    Message { title: String, lines: Vec<String> },
    /// The agenda: time planned and used per theme and criterion.
    Agenda,
    /// The facilitator moves the verdict one level, with a rationale.
    Override(Box<OverrideForm>),
    /// The merge conflicts of the current criterion, side by side: which
    /// conflict and which of its options is selected.
    Conflicts { conflict: usize, option: usize },
    /// Last time's answer on the current criterion, from the earlier scan.
    Previous,
}

/// The fields of the override dialog, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideField {
    Choice,
    Rationale,
    Confirm,
}

/// The override dialog: the verdicts one may choose (`None` = the computed
/// verdict stands), the rationale, and what is focused.
#[derive(Debug, Clone)]
pub struct OverrideForm {
    pub options: Vec<Option<Verdict>>,
    pub choice: usize,
    pub rationale: TextInput,
    pub focus: OverrideField,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

impl App {
    pub fn new(
        text: &'static Catalogue,
        paths: Paths,
        frameworks: Vec<FrameworkChoice>,
        now: Timestamp,
    ) -> Self {
        Self {
            text,
            paths,
            screen: Screen::Start(StartScreen::default()),
            overlay: None,
            status: None,
            banner: None,
            size: (80, 24),
            now,
            frameworks,
            recent: Vec::new(),
            folder_scans: Vec::new(),
            previews: std::collections::HashMap::new(),
            default_facilitator: String::new(),
            colour: true,
            theme: ThemeName::default(),
            timebox: TimeboxSettings::default(),
            pending_after_save: None,
            previous_wanted: None,
            previous_found: None,
            should_quit: false,
            frameworks_later: None,
        }
    }

    /// The items of the start screen, in display order.
    pub fn start_items(&self) -> Vec<StartItem> {
        let mut items = vec![StartItem::NewScan, StartItem::OpenByPath];
        items.extend(self.recent.iter().cloned().map(StartItem::Recent));
        items.extend(
            self.folder_scans
                .iter()
                .filter(|path| !self.recent.contains(path))
                .cloned()
                .map(StartItem::InFolder),
        );
        items
    }

    pub fn walkthrough(&self) -> Option<&Walkthrough> {
        match &self.screen {
            Screen::Walkthrough(walk) => Some(walk),
            _ => None,
        }
    }
}
