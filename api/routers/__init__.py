"""One router per resource; each validates, calls one library function, returns a model."""
