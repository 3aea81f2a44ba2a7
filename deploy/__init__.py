"""The deployment recipe: nginx in front of several replicas (see deploy/README.md)."""
