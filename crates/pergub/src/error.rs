/// Why a document could not be extracted at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read in its format.
    #[error(transparent)]
    Parse(#[from] pergub_parser::ParseError),
    /// A user data file (registry, lexicon) is invalid.
    #[error("{path}: {source}")]
    Data {
        /// The file.
        path: String,
        /// What is wrong.
        source: pergub_normaliser::Error,
    },
    /// A batch input could not be read.
    #[error("{name}: cannot read: {source}")]
    Read {
        /// The input's name.
        name: String,
        /// Why.
        source: std::io::Error,
    },
    /// Extracting a batch input stopped on an internal fault; the batch went on.
    #[error("{name}: internal fault while extracting: {message}")]
    Internal {
        /// The input's name.
        name: String,
        /// The fault's message.
        message: String,
    },
}
