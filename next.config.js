/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Prisma packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
