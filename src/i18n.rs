//! Every word a user reads, one catalogue per language. Code refers to strings
//! by field name; a catalogue is a `const` of [`Catalogue`], so a language that
//! misses a string does not compile.

mod nl;

use crate::storage::{Problem, ProblemKind};

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
}

impl Lang {
    pub fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::Nl => &nl::NL,
        }
    }
}

/// All interface text of one language. Plain strings for fixed text, `fn`s for
/// text with numbers or names in it.
pub struct Catalogue {
    pub app_name: &'static str,
    pub problem: fn(&ProblemKind) -> String,
    pub warning_prefix: &'static str,
    pub error_prefix: &'static str,
}

impl Catalogue {
    /// `file:line:column: message`, the form editors and `check` use.
    pub fn located_problem(&self, file: &str, problem: &Problem) -> String {
        let prefix = if problem.is_warning() {
            self.warning_prefix
        } else {
            self.error_prefix
        };
        format!(
            "{file}:{}:{}: {prefix}{}",
            problem.line,
            problem.column,
            (self.problem)(&problem.kind)
        )
    }
}
