"""Private documents encrypted at rest with age (through pyrage): the user's
own identity, the collective's recipients, and reading an encrypted document
in memory so that every command sees it as if it were plain text.

Every file is an ASCII-armored age file that the standard `age` tool reads."""
