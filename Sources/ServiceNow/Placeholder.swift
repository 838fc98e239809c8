// Placeholder: replaced as the ServiceNow module is built.
