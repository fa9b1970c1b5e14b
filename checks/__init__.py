"""Built-in checks, one subpackage per family; each exposes CHECKS, registered as an entry point."""
