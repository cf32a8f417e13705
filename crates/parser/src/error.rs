use pergub_model::Format;

/// Input that cannot be read at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// This build has no reader for the format.
    #[error("no reader for {0} input in this build")]
    Unsupported(Format),
    /// The PDF is encrypted.
    #[error("the PDF is encrypted; decrypt it first (e.g. `qpdf --decrypt in.pdf out.pdf`)")]
    EncryptedPdf,
    /// The PDF has no text layer (scanned pages).
    #[error("the PDF has no text layer (scanned images?); run OCR first")]
    NoTextLayer,
    /// The PDF is corrupt or truncated.
    #[error("the PDF is corrupt or truncated: {0}")]
    CorruptPdf(String),
}
