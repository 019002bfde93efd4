"""Serve the workshop from an existing environment: ``python run.py --host H --port P``."""
import sys

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "run", *sys.argv[1:]]
    from workshop.cli import main

    main()
