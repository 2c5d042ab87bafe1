"""The through-line: moments of truth -> programmes -> use cases -> data -> vendors."""
