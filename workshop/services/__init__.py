"""Use cases: load → apply the rules → persist → commit → publish. One function per use case."""
