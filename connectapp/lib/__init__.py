"""The bottom layer: building blocks with no knowledge of any app.

Everything here imports only Django, libraries and other modules of this
package, so every app may import it. See docs/architecture.md."""
