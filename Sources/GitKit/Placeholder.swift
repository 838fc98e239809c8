// Placeholder: replaced as the GitKit module is built.
