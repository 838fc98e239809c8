// Placeholder: replaced as the GRCSync module is built.
