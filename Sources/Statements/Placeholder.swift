// Placeholder: replaced as the Statements module is built.
