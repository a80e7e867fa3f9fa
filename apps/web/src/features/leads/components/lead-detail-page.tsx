import { useEffect, useRef, useState } from 'react';
import { Button, Form, List, Result, Selector, Skeleton, Tag, TextArea } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '@/components/not-found-page';
import { Notice } from '@/components/notice';
import { ROLE_LABELS, type Role } from '@/lib/access';
import { ApiError, sentenceOf } from '@/lib/errors';
import { countdown, dayAndTime } from '@/lib/format';
import { compressPhoto } from '@/lib/images';
import { retailer } from '@/lib/queries/retailers';
import {
  addResultPhoto,
  dueAt,
  recordResult,
  RESULT_PHOTOS_MAX,
  useLead,
  useRetailerLeads,
  VERIFICATION_RESULT_LABELS,
  type LeadDetail,
  type VerificationResult,
} from '../api/leads-api';

const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** One lead: what was reported and by whom, the retailer and its earlier leads, and the result. */
export function LeadDetailPage() {
  const id = Number(useParams().id);
  const lead = useLead(id);
  if (lead.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (lead.isError) {
    if (lead.error instanceof ApiError && lead.error.status === 404) return <NotFoundPage what="线索" />;
    return <Result status="error" title="加载失败" description={sentenceOf(lead.error)} />;
  }
  const data = lead.data;
  const due = dueAt(data);
  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>
          {data.kindLabel}线索 #{data.id}
        </h1>
        <p style={{ margin: '4px 0' }}>
          <Tag color="primary">{data.statusLabel}</Tag>{' '}
          <Tag color={data.importance === 'important' ? 'danger' : 'default'}>{data.importanceLabel}</Tag>
        </p>
        {data.result === null && (
          <p className={data.overdue ? 'danger-text' : 'muted'} style={{ margin: 0 }}>
            {data.overdue ? '已超期' : `剩余 ${countdown(due, new Date())}`} · 期限 {dayAndTime(due)}
          </p>
        )}
      </div>
      <List header="举报内容">
        <List.Item>{data.description}</List.Item>
        {data.evidence.map((note) => (
          <List.Item key={note} description="举报人提供的证据">
            {note}
          </List.Item>
        ))}
        <List.Item extra={roleLabel(data.reporterRole)}>举报人</List.Item>
        <List.Item extra={dayAndTime(data.reportedAt)}>举报时间</List.Item>
      </List>
      {data.retailerId !== null && <RetailerSection retailerId={data.retailerId} leadId={data.id} />}
      {data.result !== null ? <ResultSection lead={data} /> : <RecordResult lead={data} />}
      <List header="办理记录">
        {data.history.map((entry, index) => (
          <List.Item key={index} description={entry.comment ?? undefined} extra={dayAndTime(entry.at)}>
            {roleLabel(entry.actorRole)} · {entry.toStatus ? statusWord(entry.toStatus) : '备注'}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

const STATUS_WORDS: Record<string, string> = {
  new: '报送线索',
  assigned: '分派',
  verifying: '开始核查',
  verified: '录入结果',
  escalated: '升级督办',
  closed: '办结',
};
const statusWord = (status: string) => STATUS_WORDS[status] ?? status;

function RetailerSection({ retailerId, leadId }: { retailerId: number; leadId: number }) {
  const profile = useQuery({ queryKey: ['retailer', retailerId], queryFn: () => retailer(retailerId) });
  const earlier = useRetailerLeads(retailerId);
  const others = (earlier.data ?? []).filter((lead) => lead.id !== leadId);
  return (
    <>
      <List header="零售户">
        {profile.isPending ? (
          <List.Item>加载中…</List.Item>
        ) : profile.isError ? (
          <List.Item>{sentenceOf(profile.error)}</List.Item>
        ) : (
          <>
            <List.Item description={`${profile.data.ownerName} · 许可证号 ${profile.data.licenseNo}`}>
              {profile.data.shopName}
            </List.Item>
            <List.Item
              extra={
                // geo: opens the phone's own map app on the address; no map service is involved.
                <a href={`geo:0,0?q=${encodeURIComponent(profile.data.address)}`}>在地图中打开</a>
              }
            >
              {profile.data.address}
            </List.Item>
            {profile.data.phone && (
              <List.Item extra={<a href={`tel:${profile.data.phone}`}>{profile.data.phone}</a>}>
                联系电话
              </List.Item>
            )}
          </>
        )}
        <List.Item>
          <Link to={`/retailers/${retailerId}/timeline`}>三员互动记录</Link>
        </List.Item>
        <List.Item>
          <Link to={`/problems/new?retailerId=${retailerId}`}>反映问题</Link>
        </List.Item>
      </List>
      <section aria-label="该户以往线索">
        <List header="该户以往线索">
          {others.map((lead) => (
            <List.Item
              key={lead.id}
              description={`${dayAndTime(lead.reportedAt)} · ${lead.statusLabel}`}
              extra={lead.resultLabel ?? '未出结果'}
            >
              {lead.kindLabel}：{lead.description}
            </List.Item>
          ))}
          {earlier.isSuccess && others.length === 0 && <List.Item>没有以往线索。</List.Item>}
        </List>
      </section>
    </>
  );
}

function ResultSection({ lead }: { lead: LeadDetail }) {
  return (
    <section aria-label="核查结果">
      <List header="核查结果">
        <List.Item extra={<Tag color="success">{lead.resultLabel}</Tag>}>结果</List.Item>
        <List.Item description="核查情况">{lead.resultNote}</List.Item>
        {lead.verifiedAt && (
          <List.Item extra={`${dayAndTime(lead.verifiedAt)}${lead.onTime === false ? '（超期）' : ''}`}>
            核查时间
          </List.Item>
        )}
      </List>
      {lead.resultPhotoIds.length > 0 && (
        <div className="section" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {lead.resultPhotoIds.map((id, index) => (
            // The session cookie carries the request: the API serves the photo to whoever may read the lead.
            <img
              key={id}
              src={`/api/attachments/${id}`}
              alt={`核查照片 ${index + 1}`}
              width={104}
              height={104}
              style={{ objectFit: 'cover', borderRadius: 4 }}
            />
          ))}
        </div>
      )}
    </section>
  );
}

/** The result form; recording it takes the lead and starts the check on the way (the API's implied steps). */
function RecordResult({ lead }: { lead: LeadDetail }) {
  const queries = useQueryClient();
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The photos stay in memory, compressed; once the result is saved, only the photos not yet sent are left.
  const [photos, setPhotos] = useState<{ blob: Blob; preview: string }[]>([]);
  const [saved, setSaved] = useState(false);
  const previews = useRef<string[]>([]);
  useEffect(() => () => previews.current.forEach((preview) => URL.revokeObjectURL(preview)), []);

  const takePhoto = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const blob = await compressPhoto(file);
      const preview = URL.createObjectURL(blob);
      previews.current.push(preview);
      setPhotos((current) => [...current, { blob, preview }]);
    } catch {
      setError('无法读取这张照片，请重新拍摄。');
    }
  };

  const sendPhotos = async () => {
    for (const photo of photos) {
      await addResultPhoto(lead.id, photo.blob);
      setPhotos((current) => current.filter((other) => other !== photo));
    }
  };

  const send = async () => {
    if (!saved) {
      if (!result) return setError('请选择核查结果。');
      if (note.trim().length < 2)
        return setError(result === 'unverifiable' ? '请填写无法查实的原因。' : '请填写核查情况。');
    }
    setBusy(true);
    setError(null);
    try {
      if (!saved) {
        await recordResult(lead.id, { result: result!, note: note.trim() });
        setSaved(true);
      }
    } catch (failure) {
      setError(sentenceOf(failure));
      setBusy(false);
      return;
    }
    try {
      await sendPhotos();
      await queries.invalidateQueries({ queryKey: ['lead', lead.id] });
      await queries.invalidateQueries({ queryKey: ['leads'] });
    } catch (failure) {
      setError(`核查结果已保存，照片未上传：${sentenceOf(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="录入核查结果">
      <Form layout="vertical" requiredMarkStyle="none" mode="card">
        <Form.Header>录入核查结果</Form.Header>
        <Form.Item label="核查结果">
          <Selector
            aria-label="核查结果"
            columns={3}
            value={result ? [result] : []}
            onChange={(value) => setResult(value[0] ?? null)}
            options={(Object.keys(VERIFICATION_RESULT_LABELS) as VerificationResult[]).map((value) => ({
              label: VERIFICATION_RESULT_LABELS[value],
              value,
            }))}
          />
        </Form.Item>
        <Form.Item label={result === 'unverifiable' ? '无法查实的原因' : '核查情况'}>
          <TextArea
            placeholder={result === 'unverifiable' ? '填写无法查实的原因' : '填写现场核查情况'}
            value={note}
            onChange={setNote}
            rows={4}
            maxLength={2000}
          />
        </Form.Item>
        <Form.Item
          label={`现场照片（可选，最多 ${RESULT_PHOTOS_MAX} 张）`}
          description="用手机相机拍摄，上传前在手机上压缩。"
        >
          {photos.length < RESULT_PHOTOS_MAX && (
            <label className="adm-button adm-button-default adm-button-block" style={{ display: 'block' }}>
              拍摄现场照片
              <input
                type="file"
                accept="image/*"
                capture="environment"
                aria-label="现场照片"
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
                onChange={(event) => {
                  void takePhoto(event.target.files?.[0]);
                  event.target.value = '';
                }}
              />
            </label>
          )}
          {photos.length > 0 && (
            <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
              {photos.map((photo, index) => (
                <img
                  key={photo.preview}
                  src={photo.preview}
                  alt={`现场照片预览 ${index + 1}`}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
              ))}
            </div>
          )}
        </Form.Item>
      </Form>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="section">
        <Button block color="primary" size="large" loading={busy} onClick={() => void send()}>
          {saved ? '重新上传照片' : '提交核查结果'}
        </Button>
      </div>
    </section>
  );
}
