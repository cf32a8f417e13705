//! Diagnostics: what a reviewer must look at.

use crate::{Field, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a check.
    Info,
    /// Probably wrong; fails `check --deny warnings`.
    Warning,
    /// Wrong; fails `check`.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One finding about a document, with a stable kebab-case `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable kebab-case code, e.g. `stray-mark`.
    pub code: String,
    /// A human sentence.
    pub message: String,
    /// The record's `no`, when it concerns one record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u32>,
    /// The record field's path (`indikator.target`), when it concerns one field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Input lines or pages, when known.
    #[serde(default, flatten, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A diagnostic with no location yet.
    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            record: None,
            field: None,
            span: None,
        }
    }

    /// An error.
    pub fn error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A warning.
    pub fn warning(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// An info.
    pub fn info(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    /// Attach the record number.
    pub fn with_record(mut self, no: u32) -> Self {
        self.record = Some(no);
        self
    }

    /// Attach the field.
    pub fn with_field(mut self, field: Field) -> Self {
        self.field = Some(field.path().to_string());
        self
    }

    /// Attach the source span.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_serialises_span_inline() {
        let d = Diagnostic::warning("stray-mark", "a year mark in TARGET")
            .with_record(36)
            .with_field(Field::Target)
            .with_span(Span::line(195));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"severity":"warning","code":"stray-mark","message":"a year mark in TARGET","record":36,"field":"indikator.target","lines":[195,195]}"#
        );
        let back: Diagnostic = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn diagnostic_without_location_omits_keys() {
        let d = Diagnostic::info("x", "y");
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"severity":"info","code":"x","message":"y"}"#
        );
    }
}
