"""Users and API tokens (admin), and `me` for everybody."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import Admin, Reader, ServicesDep
from assistant.users import Role, User

router = APIRouter(tags=["users"])


class NewUser(BaseModel):
    name: str = Field(description="Login name: letters, digits, '.', '_', '@', '-'.")
    role: Role = Field(description="procurement, legal, cfo or admin.")


class ActiveRequest(BaseModel):
    active: bool = Field(description="False locks the user out at once (tokens and web sessions).")


class IssuedToken(BaseModel):
    user: User
    token: str = Field(description="The API token. Shown once: it is stored only as a hash.")


@router.get("/me", summary="The authenticated user")
def me(user: Reader) -> User:
    """Who the token or session belongs to."""
    return user


@router.get("/users", summary="List users")
def list_users(services: ServicesDep, _user: Admin) -> list[User]:
    """All users."""
    return services.users.list()


@router.post("/users", status_code=201, summary="Create a user and its first token")
def create_user(body: NewUser, services: ServicesDep, admin: Admin) -> IssuedToken:
    """Create a user; the response holds its token, shown only this once."""
    user, token = services.users.create_user(body.name, body.role)
    services.audit.append(admin.name, "user.create", "user", user.name, after={"role": user.role.value})
    return IssuedToken(user=user, token=token)


@router.post("/users/{name}/tokens", status_code=201, summary="Issue another token")
def issue_token(name: str, services: ServicesDep, admin: Admin) -> IssuedToken:
    """A new token for `name` (old ones stay valid until revoked)."""
    token = services.users.issue_token(name)
    services.audit.append(admin.name, "user.token", "user", name, after={"issued": True})
    return IssuedToken(user=services.users.get(name), token=token)


@router.delete("/users/{name}/tokens", summary="Revoke all tokens of a user")
def revoke_tokens(name: str, services: ServicesDep, admin: Admin) -> dict[str, int]:
    """Revoke every token of `name`."""
    n = services.users.revoke_tokens(name)
    services.audit.append(admin.name, "user.revoke", "user", name, after={"revoked": n})
    return {"revoked": n}


@router.put("/users/{name}/active", summary="Enable or disable a user")
def set_active(name: str, body: ActiveRequest, services: ServicesDep, admin: Admin) -> User:
    """Disabled users cannot use their tokens or sessions; audited."""
    before = services.users.get(name)
    user = services.users.set_active(name, body.active)
    services.audit.append(
        admin.name,
        "user.active",
        "user",
        name,
        before={"active": before.active},
        after={"active": user.active},
    )
    return user
