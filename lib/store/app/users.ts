import type { PrismaClient, User } from "@prisma/client";
import { hashPassword, verifyPassword } from "./secrets";

/** Creates a console user; the password is stored scrypt-hashed. Throws Prisma P2002 if the name is taken. */
export async function createUser(prisma: PrismaClient, input: { username: string; password: string }): Promise<User> {
  return prisma.user.create({ data: { username: input.username, passwordHash: await hashPassword(input.password) } });
}

/** The user when the password matches; undefined for an unknown name or a wrong password alike. */
export async function verifyUser(prisma: PrismaClient, username: string, password: string): Promise<User | undefined> {
  const user = await prisma.user.findUnique({ where: { username } });
  if (!user) return undefined;
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}

export async function setPassword(prisma: PrismaClient, userId: string, password: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

export async function countUsers(prisma: PrismaClient): Promise<number> {
  return prisma.user.count();
}
