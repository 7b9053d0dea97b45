"""The error every form understands: which field is wrong, and a Chinese sentence saying why."""


class FieldError(ValueError):
    """Input the clerk must correct: `field` names the form field, str(error) is a complete Chinese sentence."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
