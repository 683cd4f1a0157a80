"""Initial schema: areas, categories, reports with their status history, activities, users.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 15:27:50.990018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('kategori',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('nama', sa.String(length=100), nullable=False),
    sa.Column('sla_hari', sa.Integer(), nullable=False),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.Column('urutan', sa.Integer(), nullable=False),
    sa.CheckConstraint('sla_hari > 0', name=op.f('ck_kategori_sla_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kategori')),
    sa.UniqueConstraint('slug', name=op.f('uq_kategori_slug'))
    )
    op.create_table('kelurahan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kode', sa.String(length=13), nullable=False),
    sa.Column('nama', sa.String(length=100), nullable=False),
    sa.Column('kecamatan', sa.String(length=100), nullable=False),
    sa.Column('kabupaten', sa.String(length=100), nullable=False),
    sa.CheckConstraint('length(kode) = 13', name=op.f('ck_kelurahan_kode_format')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kelurahan')),
    sa.UniqueConstraint('kode', name=op.f('uq_kelurahan_kode'))
    )
    op.create_table('rw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kelurahan_id', sa.Integer(), nullable=False),
    sa.Column('nomor', sa.String(length=2), nullable=False),
    sa.Column('ketua_nama', sa.String(length=100), nullable=True),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.CheckConstraint('length(nomor) = 2', name=op.f('ck_rw_nomor_format')),
    sa.ForeignKeyConstraint(['kelurahan_id'], ['kelurahan.id'], name=op.f('fk_rw_kelurahan_id_kelurahan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rw')),
    sa.UniqueConstraint('id', 'kelurahan_id', name=op.f('uq_rw_id_kelurahan_id')),
    sa.UniqueConstraint('kelurahan_id', 'nomor', name=op.f('uq_rw_kelurahan_id_nomor'))
    )
    op.create_table('rt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rw_id', sa.Integer(), nullable=False),
    sa.Column('nomor', sa.String(length=3), nullable=False),
    sa.Column('ketua_nama', sa.String(length=100), nullable=True),
    sa.Column('jumlah_kk', sa.Integer(), nullable=True),
    sa.Column('jumlah_warga', sa.Integer(), nullable=True),
    sa.Column('data_diperbarui', sa.Date(), nullable=True),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.CheckConstraint('jumlah_kk IS NULL OR jumlah_kk >= 0', name=op.f('ck_rt_kk_nonnegative')),
    sa.CheckConstraint('jumlah_warga IS NULL OR jumlah_warga >= 0', name=op.f('ck_rt_warga_nonnegative')),
    sa.CheckConstraint('length(nomor) = 3', name=op.f('ck_rt_nomor_format')),
    sa.ForeignKeyConstraint(['rw_id'], ['rw.id'], name=op.f('fk_rt_rw_id_rw')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rt')),
    sa.UniqueConstraint('id', 'rw_id', name=op.f('uq_rt_id_rw_id')),
    sa.UniqueConstraint('rw_id', 'nomor', name=op.f('uq_rt_rw_id_nomor'))
    )
    op.create_table('kegiatan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kelurahan_id', sa.Integer(), nullable=False),
    sa.Column('rw_id', sa.Integer(), nullable=True),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.Column('tingkat', sa.String(length=10), nullable=False),
    sa.Column('jenis', sa.String(length=30), nullable=False),
    sa.Column('tanggal', sa.Date(), nullable=False),
    sa.Column('judul', sa.String(length=200), nullable=False),
    sa.Column('target_peserta', sa.Integer(), nullable=True),
    sa.Column('target_satuan', sa.String(length=20), nullable=False),
    sa.Column('catatan', sa.Text(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(tingkat = 'rt' AND rt_id IS NOT NULL) OR (tingkat = 'rw' AND rw_id IS NOT NULL AND rt_id IS NULL) OR (tingkat = 'kelurahan' AND rw_id IS NULL AND rt_id IS NULL)", name=op.f('ck_kegiatan_area_matches_tingkat')),
    sa.CheckConstraint("jenis IN ('kerja_bakti', 'musyawarah_rt', 'rapat_rw', 'posyandu', 'ronda', 'keagamaan', 'pkk', 'karang_taruna', 'bimtek', 'rapat_koordinasi')", name=op.f('ck_kegiatan_jenis_valid')),
    sa.CheckConstraint("tingkat IN ('rt', 'rw', 'kelurahan')", name=op.f('ck_kegiatan_tingkat_valid')),
    sa.CheckConstraint('target_peserta IS NULL OR target_peserta > 0', name=op.f('ck_kegiatan_target_positive')),
    sa.ForeignKeyConstraint(['kelurahan_id'], ['kelurahan.id'], name=op.f('fk_kegiatan_kelurahan_id_kelurahan')),
    sa.ForeignKeyConstraint(['rt_id', 'rw_id'], ['rt.id', 'rt.rw_id'], name=op.f('fk_kegiatan_rt_id_rw_id_rt')),
    sa.ForeignKeyConstraint(['rw_id', 'kelurahan_id'], ['rw.id', 'rw.kelurahan_id'], name=op.f('fk_kegiatan_rw_id_kelurahan_id_rw')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kegiatan')),
    sa.UniqueConstraint('external_id', name=op.f('uq_kegiatan_external_id'))
    )
    with op.batch_alter_table('kegiatan', schema=None) as batch_op:
        batch_op.create_index('ix_kegiatan_jenis_tanggal', ['jenis', 'tanggal'], unique=False)
        batch_op.create_index('ix_kegiatan_kelurahan_tanggal', ['kelurahan_id', 'tanggal'], unique=False)
        batch_op.create_index('ix_kegiatan_rt_tanggal', ['rt_id', 'tanggal'], unique=False)
        batch_op.create_index('ix_kegiatan_rw_tanggal', ['rw_id', 'tanggal'], unique=False)

    op.create_table('laporan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kelurahan_id', sa.Integer(), nullable=False),
    sa.Column('rw_id', sa.Integer(), nullable=False),
    sa.Column('rt_id', sa.Integer(), nullable=False),
    sa.Column('kategori_id', sa.Integer(), nullable=False),
    sa.Column('judul', sa.String(length=200), nullable=False),
    sa.Column('deskripsi', sa.Text(), nullable=False),
    sa.Column('lokasi', sa.String(length=200), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('sumber', sa.String(length=20), nullable=False),
    sa.Column('prioritas', sa.String(length=10), nullable=False),
    sa.Column('pelapor_nama', sa.String(length=100), nullable=True),
    sa.Column('pelapor_telepon', sa.String(length=30), nullable=True),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('penanganan', sa.String(length=20), nullable=True),
    sa.Column('penanganan_nama', sa.String(length=100), nullable=True),
    sa.Column('duplikat_dari_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("penanganan IS NULL OR penanganan IN ('rt', 'rw', 'kelurahan', 'dinas')", name=op.f('ck_laporan_penanganan_valid')),
    sa.CheckConstraint("prioritas IN ('tinggi', 'sedang', 'rendah')", name=op.f('ck_laporan_prioritas_valid')),
    sa.CheckConstraint("status <> 'duplikat' OR duplikat_dari_id IS NOT NULL", name=op.f('ck_laporan_duplikat_has_original')),
    sa.CheckConstraint("status IN ('baru', 'diverifikasi', 'diproses', 'selesai', 'ditolak', 'duplikat')", name=op.f('ck_laporan_status_valid')),
    sa.CheckConstraint("sumber IN ('warga', 'rt', 'rw', 'musyawarah', 'kelurahan')", name=op.f('ck_laporan_sumber_valid')),
    sa.CheckConstraint('duplikat_dari_id IS NULL OR duplikat_dari_id <> id', name=op.f('ck_laporan_duplikat_not_self')),
    sa.CheckConstraint('lat IS NULL OR (lat BETWEEN -90 AND 90)', name=op.f('ck_laporan_lat_range')),
    sa.CheckConstraint('length(judul) > 0', name=op.f('ck_laporan_judul_not_empty')),
    sa.CheckConstraint('lon IS NULL OR (lon BETWEEN -180 AND 180)', name=op.f('ck_laporan_lon_range')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_laporan_version_positive')),
    sa.ForeignKeyConstraint(['duplikat_dari_id'], ['laporan.id'], name=op.f('fk_laporan_duplikat_dari_id_laporan')),
    sa.ForeignKeyConstraint(['kategori_id'], ['kategori.id'], name=op.f('fk_laporan_kategori_id_kategori')),
    sa.ForeignKeyConstraint(['rt_id', 'rw_id'], ['rt.id', 'rt.rw_id'], name=op.f('fk_laporan_rt_id_rw_id_rt')),
    sa.ForeignKeyConstraint(['rw_id', 'kelurahan_id'], ['rw.id', 'rw.kelurahan_id'], name=op.f('fk_laporan_rw_id_kelurahan_id_rw')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_laporan')),
    sa.UniqueConstraint('external_id', name=op.f('uq_laporan_external_id'))
    )
    with op.batch_alter_table('laporan', schema=None) as batch_op:
        batch_op.create_index('ix_laporan_kategori_reported', ['kategori_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_laporan_kelurahan_reported', ['kelurahan_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_laporan_reported_at', ['reported_at'], unique=False)
        batch_op.create_index('ix_laporan_rt_reported', ['rt_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_laporan_rw_reported', ['rw_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_laporan_status_reported', ['status', 'reported_at'], unique=False)

    op.create_table('pengguna',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('nama', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('kelurahan_id', sa.Integer(), nullable=True),
    sa.Column('rw_id', sa.Integer(), nullable=True),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role <> 'ketua_rt' OR rt_id IS NOT NULL", name=op.f('ck_pengguna_ketua_rt_has_rt')),
    sa.CheckConstraint("role <> 'ketua_rw' OR rw_id IS NOT NULL", name=op.f('ck_pengguna_ketua_rw_has_rw')),
    sa.CheckConstraint("role IN ('admin', 'lurah', 'staf', 'ketua_rw', 'ketua_rt', 'tamu')", name=op.f('ck_pengguna_role_valid')),
    sa.ForeignKeyConstraint(['kelurahan_id'], ['kelurahan.id'], name=op.f('fk_pengguna_kelurahan_id_kelurahan')),
    sa.ForeignKeyConstraint(['rt_id', 'rw_id'], ['rt.id', 'rt.rw_id'], name=op.f('fk_pengguna_rt_id_rw_id_rt')),
    sa.ForeignKeyConstraint(['rw_id', 'kelurahan_id'], ['rw.id', 'rw.kelurahan_id'], name=op.f('fk_pengguna_rw_id_kelurahan_id_rw')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pengguna')),
    sa.UniqueConstraint('username', name=op.f('uq_pengguna_username'))
    )
    op.create_table('tokoh',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kelurahan_id', sa.Integer(), nullable=False),
    sa.Column('rw_id', sa.Integer(), nullable=False),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.Column('jenis', sa.String(length=10), nullable=False),
    sa.Column('nama', sa.String(length=100), nullable=False),
    sa.Column('aktif', sa.Boolean(), nullable=False),
    sa.CheckConstraint("jenis IN ('tomas', 'toga')", name=op.f('ck_tokoh_jenis_valid')),
    sa.ForeignKeyConstraint(['rt_id', 'rw_id'], ['rt.id', 'rt.rw_id'], name=op.f('fk_tokoh_rt_id_rw_id_rt')),
    sa.ForeignKeyConstraint(['rw_id', 'kelurahan_id'], ['rw.id', 'rw.kelurahan_id'], name=op.f('fk_tokoh_rw_id_kelurahan_id_rw')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tokoh'))
    )
    op.create_table('kegiatan_kehadiran',
    sa.Column('kegiatan_id', sa.Integer(), nullable=False),
    sa.Column('peran', sa.String(length=20), nullable=False),
    sa.Column('jumlah', sa.Integer(), nullable=False),
    sa.CheckConstraint("peran IN ('ketua_rt', 'ketua_rw', 'tomas', 'toga', 'pkk', 'karang_taruna', 'warga')", name=op.f('ck_kegiatan_kehadiran_peran_valid')),
    sa.CheckConstraint('jumlah >= 0', name=op.f('ck_kegiatan_kehadiran_jumlah_nonnegative')),
    sa.ForeignKeyConstraint(['kegiatan_id'], ['kegiatan.id'], name=op.f('fk_kegiatan_kehadiran_kegiatan_id_kegiatan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('kegiatan_id', 'peran', name=op.f('pk_kegiatan_kehadiran'))
    )
    op.create_table('kegiatan_peserta',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kegiatan_id', sa.Integer(), nullable=False),
    sa.Column('peran', sa.String(length=20), nullable=False),
    sa.Column('rw_id', sa.Integer(), nullable=True),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.Column('tokoh_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(peran = 'ketua_rt' AND rt_id IS NOT NULL AND tokoh_id IS NULL) OR (peran = 'ketua_rw' AND rw_id IS NOT NULL AND rt_id IS NULL AND tokoh_id IS NULL) OR (peran IN ('tomas', 'toga') AND tokoh_id IS NOT NULL)", name=op.f('ck_kegiatan_peserta_who_matches_peran')),
    sa.CheckConstraint("peran IN ('ketua_rt', 'ketua_rw', 'tomas', 'toga')", name=op.f('ck_kegiatan_peserta_peran_valid')),
    sa.ForeignKeyConstraint(['kegiatan_id'], ['kegiatan.id'], name=op.f('fk_kegiatan_peserta_kegiatan_id_kegiatan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rt_id'], ['rt.id'], name=op.f('fk_kegiatan_peserta_rt_id_rt')),
    sa.ForeignKeyConstraint(['rw_id'], ['rw.id'], name=op.f('fk_kegiatan_peserta_rw_id_rw')),
    sa.ForeignKeyConstraint(['tokoh_id'], ['tokoh.id'], name=op.f('fk_kegiatan_peserta_tokoh_id_tokoh')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kegiatan_peserta'))
    )
    with op.batch_alter_table('kegiatan_peserta', schema=None) as batch_op:
        batch_op.create_index('ix_kegiatan_peserta_kegiatan', ['kegiatan_id'], unique=False)
        batch_op.create_index('ix_kegiatan_peserta_rt', ['rt_id'], unique=False)
        batch_op.create_index('ix_kegiatan_peserta_rw', ['rw_id'], unique=False)
        batch_op.create_index('ix_kegiatan_peserta_tokoh', ['tokoh_id'], unique=False)

    op.create_table('status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('laporan_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('penanganan', sa.String(length=20), nullable=True),
    sa.Column('penanganan_nama', sa.String(length=100), nullable=True),
    sa.CheckConstraint("from_status IS NULL OR from_status IN ('baru', 'diverifikasi', 'diproses', 'selesai', 'ditolak', 'duplikat')", name=op.f('ck_status_history_from_status_valid')),
    sa.CheckConstraint("penanganan IS NULL OR penanganan IN ('rt', 'rw', 'kelurahan', 'dinas')", name=op.f('ck_status_history_penanganan_valid')),
    sa.CheckConstraint("to_status IN ('baru', 'diverifikasi', 'diproses', 'selesai', 'ditolak', 'duplikat')", name=op.f('ck_status_history_to_status_valid')),
    sa.ForeignKeyConstraint(['laporan_id'], ['laporan.id'], name=op.f('fk_status_history_laporan_id_laporan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_history'))
    )
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.create_index('ix_status_history_laporan_changed', ['laporan_id', 'changed_at'], unique=False)
        batch_op.create_index('ix_status_history_to_changed', ['to_status', 'changed_at', 'laporan_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.drop_index('ix_status_history_to_changed')
        batch_op.drop_index('ix_status_history_laporan_changed')

    op.drop_table('status_history')
    with op.batch_alter_table('kegiatan_peserta', schema=None) as batch_op:
        batch_op.drop_index('ix_kegiatan_peserta_tokoh')
        batch_op.drop_index('ix_kegiatan_peserta_rw')
        batch_op.drop_index('ix_kegiatan_peserta_rt')
        batch_op.drop_index('ix_kegiatan_peserta_kegiatan')

    op.drop_table('kegiatan_peserta')
    op.drop_table('kegiatan_kehadiran')
    op.drop_table('tokoh')
    op.drop_table('pengguna')
    with op.batch_alter_table('laporan', schema=None) as batch_op:
        batch_op.drop_index('ix_laporan_status_reported')
        batch_op.drop_index('ix_laporan_rw_reported')
        batch_op.drop_index('ix_laporan_rt_reported')
        batch_op.drop_index('ix_laporan_reported_at')
        batch_op.drop_index('ix_laporan_kelurahan_reported')
        batch_op.drop_index('ix_laporan_kategori_reported')

    op.drop_table('laporan')
    with op.batch_alter_table('kegiatan', schema=None) as batch_op:
        batch_op.drop_index('ix_kegiatan_rw_tanggal')
        batch_op.drop_index('ix_kegiatan_rt_tanggal')
        batch_op.drop_index('ix_kegiatan_kelurahan_tanggal')
        batch_op.drop_index('ix_kegiatan_jenis_tanggal')

    op.drop_table('kegiatan')
    op.drop_table('rt')
    op.drop_table('rw')
    op.drop_table('kelurahan')
    op.drop_table('kategori')
    op.drop_table('app_meta')
