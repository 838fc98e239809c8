// Placeholder: replaced as the ServiceNowEmulator module is built.
